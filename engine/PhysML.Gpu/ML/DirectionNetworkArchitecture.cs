namespace PhysML.Gpu.ML;

/// <summary>
/// The residual-to-direction networks the Vulkan kernels run, by the architecture name their checkpoints carry. Their
/// layers mirror PhysML.ML's CoarseDirectionNetwork and UNetDirectionNetwork (which this project cannot reference:
/// both sit beside it on PhysML.Solvers); the parity tests in PhysML.ML.Tests hold the two in step.
/// </summary>
public static class DirectionNetworkArchitecture
{
    public const string Coarse16 = "coarse16";
    public const string UNet16 = "unet16";

    /// <summary>The input channels: scaled residual, unknown mask, diagonal over 2·d.</summary>
    public const int InputChannels = 3;

    /// <summary>The widest layer; ml_convolution.comp keeps this many accumulators per cell.</summary>
    public const int MaxChannels = 16;

    public static IReadOnlyList<string> Names { get; } = [Coarse16, UNet16];

    public static bool IsKnown(string architecture) => Names.Contains(architecture);

    /// <summary>The convolutions, in the order of the network's fields.</summary>
    public static IReadOnlyList<ConvolutionLayer> Layers(string architecture) => architecture switch
    {
        Coarse16 =>
        [
            new("_lift", InputChannels, 16), new("_coarse1", 16, 16), new("_deep1", 16, 16), new("_deep2", 16, 16),
            new("_coarse2", 16, 16), new("_project", 16, 1), new("_fine1", InputChannels, 4), new("_fine2", 4, 1),
        ],
        UNet16 =>
        [
            new("_lift", InputChannels, 16), new("_fine1", 16, 16), new("_coarse1", 16, 16), new("_coarse2", 16, 16),
            new("_coarse3", 16, 16), new("_fine2", 16, 16), new("_project", 16, 1),
        ],
        _ => throw new ArgumentException($"no Vulkan kernels for architecture '{architecture}' (known: {string.Join(", ", Names)})", nameof(architecture)),
    };

    /// <summary>Grid sizes are zero-padded up to a multiple of this (coarse16 pools by 4 then by 2; unet16 by 2).</summary>
    public static int SizeMultiple(string architecture) => architecture == Coarse16 ? 8 : 2;
}
