namespace PhysML.Gpu.Solvers;

/// <summary>The kernels the GPU deep-conjugate-direction loop adds to the CG ones (shaders/solvers/dcdm_*.comp).</summary>
internal sealed class DcdmKernels : IDisposable
{
    private readonly List<ComputeKernel> _all = new();

    public DcdmKernels(VulkanContext context)
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
                IdentityRows = Create("dcdm_identity_rows", 4, sizeof(CountPush));
                Apply = Create("dcdm_apply", 9, sizeof(GridPush));
                Orthogonalize = Create("dcdm_orthogonalize", 9, sizeof(SlotPush));
                Reduce = Create("dcdm_reduce", 3, sizeof(DcdmReducePush));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public ComputeKernel IdentityRows { get; } = null!;
    public ComputeKernel Apply { get; } = null!;
    public ComputeKernel Orthogonalize { get; } = null!;
    public ComputeKernel Reduce { get; } = null!;

    public void Dispose()
    {
        for (var i = _all.Count - 1; i >= 0; i--) _all[i].Dispose();
        _all.Clear();
    }
}
