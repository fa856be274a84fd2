namespace PhysML.Gpu.Solvers;

/// <summary>The compute kernels of the Vulkan Poisson solvers, one per shader in shaders/solvers/.</summary>
internal sealed class SolverKernels : IDisposable
{
    private readonly List<ComputeKernel> _all = new();

    public SolverKernels(VulkanContext context)
    {
        try
        {
            ComputeKernel Create(string name, int buffers, int push)
            {
                var kernel = context.CreateKernel(new ComputeKernelDescription($"shaders/solvers/{name}.comp.spv", buffers, push));
                _all.Add(kernel);
                return kernel;
            }
            unsafe
            {
                StencilResidual = Create("stencil_residual", 7, sizeof(GridPush));
                StencilApplyDot = Create("stencil_apply_dot", 7, sizeof(GridPush));
                Dot = Create("dot", 3, sizeof(CountPush));
                JacobiDot = Create("jacobi_dot", 4, sizeof(CountPush));
                CgUpdate = Create("cg_update", 6, sizeof(CountPush));
                CgDirection = Create("cg_direction", 3, sizeof(CountPush));
                ReduceScalars = Create("reduce_scalars", 2, sizeof(ReducePush));
                MgSmooth = Create("mg_smooth", 8, sizeof(GridSmoothPush));
                MgSmoothFromZero = Create("mg_smooth_from_zero", 3, sizeof(SmoothPush));
                MgRestrict = Create("mg_restrict", 4, sizeof(InterpolationPush));
                MgProlong = Create("mg_prolong", 3, sizeof(InterpolationPush));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public ComputeKernel StencilResidual { get; } = null!;
    public ComputeKernel StencilApplyDot { get; } = null!;
    public ComputeKernel Dot { get; } = null!;
    public ComputeKernel JacobiDot { get; } = null!;
    public ComputeKernel CgUpdate { get; } = null!;
    public ComputeKernel CgDirection { get; } = null!;
    public ComputeKernel ReduceScalars { get; } = null!;
    public ComputeKernel MgSmooth { get; } = null!;
    public ComputeKernel MgSmoothFromZero { get; } = null!;
    public ComputeKernel MgRestrict { get; } = null!;
    public ComputeKernel MgProlong { get; } = null!;

    public void Dispose()
    {
        for (var i = _all.Count - 1; i >= 0; i--) _all[i].Dispose();
        _all.Clear();
    }
}
