namespace PhysML.Gpu.ML;

/// <summary>One 3×3(×3) convolution of a direction network: its parameter name prefix (the TorchSharp field, e.g.
/// <c>_lift</c>, whose tensors are <c>_lift.weight</c> and <c>_lift.bias</c>) and its channels.</summary>
public readonly record struct ConvolutionLayer(string Name, int InputChannels, int OutputChannels)
{
    public string WeightName => $"{Name}.weight";

    public string BiasName => $"{Name}.bias";

    /// <summary>torch's weight shape: [cout, cin, (3,) 3, 3].</summary>
    public long[] WeightShape(int dimensions) => dimensions == 2
        ? [OutputChannels, InputChannels, 3, 3]
        : [OutputChannels, InputChannels, 3, 3, 3];
}
