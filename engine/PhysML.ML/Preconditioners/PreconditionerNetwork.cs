using PhysML.Solvers.Learned;
using TorchSharp;
using static TorchSharp.torch;

namespace PhysML.ML.Preconditioners;

/// <summary>
/// A trainable map from right-hand sides to search directions for Poisson systems of one dimensionality: the common
/// face of the architectures (<see cref="DirectionNetwork"/>s that read the residual, and the
/// <see cref="LearnedMultigridNetwork"/> that tunes a V-cycle). Training, checkpoints and the solver models go
/// through it; <see cref="Create"/> builds one from the architecture name a checkpoint stores.
/// </summary>
public abstract class PreconditionerNetwork : nn.Module
{
    protected PreconditionerNetwork(string architecture, int dimensions) : base(architecture)
    {
        if (dimensions is not (2 or 3)) throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, "2 or 3");
        Architecture = architecture;
        Dimensions = dimensions;
    }

    /// <summary>The architecture names <see cref="Create"/> knows; the first is the default.</summary>
    public static IReadOnlyList<string> Architectures { get; } =
    [
        LearnedMultigridNetwork.ArchitectureName, LearnedMultigridNetwork.LiteArchitectureName, CoarseDirectionNetwork.ArchitectureName,
        UNetDirectionNetwork.ArchitectureName,
    ];

    public static PreconditionerNetwork Create(string architecture, int dimensions) => architecture switch
    {
        LearnedMultigridNetwork.ArchitectureName => new LearnedMultigridNetwork(dimensions),
        LearnedMultigridNetwork.LiteArchitectureName => new LearnedMultigridNetwork(dimensions, lite: true),
        UNetDirectionNetwork.ArchitectureName => new UNetDirectionNetwork(dimensions),
        CoarseDirectionNetwork.ArchitectureName => new CoarseDirectionNetwork(dimensions),
        _ => throw new ArgumentException(
            $"unknown preconditioner architecture '{architecture}'; known: {string.Join(", ", Architectures)}", nameof(architecture)),
    };

    public string Architecture { get; }

    public int Dimensions { get; }

    /// <summary>Directions q [B, 1, ...] for right-hand sides (or residuals) b [B, 1, ...] of <paramref name="system"/>.</summary>
    public abstract Tensor Directions(SystemTensors system, Tensor b);

    /// <summary>A 3×3(×3) convolution with zero padding: the one kernel size every architecture uses.</summary>
    protected nn.Module<Tensor, Tensor> Convolution(long input, long output) => Dimensions == 2
        ? nn.Conv2d(input, output, 3, padding: 1)
        : nn.Conv3d(input, output, 3, padding: 1);

    /// <summary>The solver-facing model for this network (it takes ownership of the network).</summary>
    public abstract ISearchDirectionModel ToModel(int version, ParallelOptions? parallel = null);
}
