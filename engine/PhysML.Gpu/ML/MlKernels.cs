using PhysML.Gpu.Solvers;

namespace PhysML.Gpu.ML;

/// <summary>The compute kernels of network inference, one per shader in shaders/ml/, plus the solvers' dot product
/// (the first half of the input's residual scale).</summary>
internal sealed class MlKernels : IDisposable
{
    private readonly List<ComputeKernel> _all = new();

    public MlKernels(VulkanContext context)
    {
        try
        {
            ComputeKernel Create(string name, int buffers, int push)
            {
                var kernel = context.CreateKernel(new ComputeKernelDescription($"shaders/{name}.comp.spv", buffers, push));
                _all.Add(kernel);
                return kernel;
            }
            unsafe
            {
                Dot = Create("solvers/dot", 3, sizeof(CountPush));
                RmsScale = Create("ml/ml_rms_scale", 2, sizeof(RmsScalePush));
                Input = Create("ml/ml_input", 5, sizeof(PaddingPush));
                Convolution = Create("ml/ml_convolution", 4, sizeof(ConvolutionPush));
                AveragePool = Create("ml/ml_average_pool", 2, sizeof(ResamplePush));
                Upsample = Create("ml/ml_upsample", 2, sizeof(ResamplePush));
                MaskCrop = Create("ml/ml_mask_crop", 3, sizeof(PaddingPush));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public ComputeKernel Dot { get; } = null!;
    public ComputeKernel RmsScale { get; } = null!;
    public ComputeKernel Input { get; } = null!;
    public ComputeKernel Convolution { get; } = null!;
    public ComputeKernel AveragePool { get; } = null!;
    public ComputeKernel Upsample { get; } = null!;
    public ComputeKernel MaskCrop { get; } = null!;

    public void Dispose()
    {
        for (var i = _all.Count - 1; i >= 0; i--) _all[i].Dispose();
        _all.Clear();
    }
}
