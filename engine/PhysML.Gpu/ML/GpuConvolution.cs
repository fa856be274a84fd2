using PhysML.Gpu.Solvers;

namespace PhysML.Gpu.ML;

/// <summary>One convolution's weights and bias, uploaded once per network and shared by every grid size's plan.</summary>
internal sealed class GpuConvolution : IDisposable
{
    public GpuConvolution(VulkanContext context, ConvolutionLayer layer, DirectionNetworkWeights weights)
    {
        Layer = layer;
        Weights = Upload(context, $"{weights.Architecture}.{layer.WeightName}", weights.Values(layer.WeightName));
        try
        {
            Bias = Upload(context, $"{weights.Architecture}.{layer.BiasName}", weights.Values(layer.BiasName));
        }
        catch
        {
            Weights.Dispose();
            throw;
        }
    }

    public ConvolutionLayer Layer { get; }

    public GpuBuffer Weights { get; }

    public GpuBuffer Bias { get; }

    private static GpuBuffer Upload(VulkanContext context, string name, float[] values)
    {
        var buffer = context.CreateBuffer(SolverBuffers.Vector(values.Length), name);
        buffer.Upload<float>(values);
        return buffer;
    }

    public void Dispose()
    {
        Bias.Dispose();
        Weights.Dispose();
    }
}
