using System.Diagnostics;
using PhysML.Solvers;
using PhysML.Solvers.Multigrid;
using PhysML.Solvers.Pressure;

namespace PhysML.Gpu.Solvers;

/// <summary>
/// CG, Jacobi-PCG and MGPCG on a Poisson stencil in Vulkan compute, in float. The whole solve stays on the GPU: α and
/// β are computed there (reduce_scalars.comp), iterations are recorded once into a <see cref="CommandSequence"/> of
/// <see cref="CheckEvery"/> iterations and replayed, and the host reads the convergence state only between batches.
/// Once converged the remaining iterations of a batch change nothing (α = β = 0), so the result does not depend on
/// <see cref="CheckEvery"/>. Reductions have a fixed order, so two solves of the same system give the same bits.
/// <para>
/// The multigrid V-cycle is the CPU one (<see cref="MultigridPreconditioner"/>): the same hierarchy, built on the
/// CPU and uploaded, and the same operators, one kernel each. MIC(0) is not offered: its triangular solves are
/// sequential.
/// </para>
/// The stencil is uploaded at the first solve and again only when the operator's <see cref="IPoissonStencil.Version"/>
/// changes. Not thread-safe.
/// </summary>
public sealed partial class VulkanPoissonSolver : IPoissonSolver
{
    private readonly VulkanContext _context;
    private readonly SolverKernels _kernels;
    private readonly MultigridOptions _multigrid;
    private readonly SystemResources<SystemBuffers> _system = new();
    private bool _disposed;
    private float[] _floats = Array.Empty<float>();

    public const string BackendName = "vulkan";

    /// <param name="context">The device the solves run on.</param>
    /// <param name="preconditioner">None, Jacobi or multigrid (MIC(0) has no GPU kernel).</param>
    /// <param name="options">Tolerance and iteration cap.</param>
    /// <param name="multigrid">The V-cycle's sweeps and damping.</param>
    /// <param name="checkEvery">Iterations per submitted batch between convergence checks.</param>
    /// <param name="smootherWeights">With the multigrid preconditioner: a learned V-cycle's per-cell damping, applied
    /// to the uploaded levels (ω = 1 in the kernels), so the GPU runs the same learned V-cycle as the CPU.</param>
    public VulkanPoissonSolver(VulkanContext context, PressurePreconditioner preconditioner, SolverOptions options,
        MultigridOptions multigrid = default, int checkEvery = 8, ISmootherWeights? smootherWeights = null)
    {
        if (smootherWeights is not null && preconditioner != PressurePreconditioner.Multigrid)
            throw new ArgumentException("learned smoother weights need the multigrid preconditioner", nameof(smootherWeights));
        SmootherWeights = smootherWeights;
        if (preconditioner == PressurePreconditioner.Mic0)
            throw new ArgumentException(
                "MIC(0) has no Vulkan kernel (its triangular solves are sequential); on the GPU use none, jacobi or multigrid",
                nameof(preconditioner));
        ArgumentOutOfRangeException.ThrowIfLessThan(checkEvery, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxIterations);
        _context = context;
        Preconditioner = preconditioner;
        Options = options;
        _multigrid = multigrid == default ? new MultigridOptions() : multigrid;
        CheckEvery = checkEvery;
        _kernels = new SolverKernels(context);
    }

    public string Name => SmootherWeights is { } learned ? $"pcg-{learned.Name}" : CpuPoissonSolver.SolverName(Preconditioner);

    /// <summary>The learned V-cycle's damping, when this solver runs one.</summary>
    public ISmootherWeights? SmootherWeights { get; }

    public string Backend => BackendName;

    public SolverOptions Options { get; }

    public PressurePreconditioner Preconditioner { get; }

    /// <summary>Iterations per submitted batch; the host checks convergence between batches.</summary>
    public int CheckEvery { get; }

    /// <summary>The device the solves run on, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".</summary>
    public string DeviceName => _context.DeviceName;

    public SolveInfo Solve(IPoissonStencil a, ReadOnlySpan<double> b, Span<double> x)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var start = Stopwatch.GetTimestamp();
        var n = a.Size;
        if (b.Length != n || x.Length != n)
            throw new ArgumentException($"operator size {n}, right-hand side {b.Length} and solution {x.Length} must agree");
        var buffers = _system.For(a, Build);

        if (GpuSolveTransfer.Upload(b, x, _floats, buffers.B, buffers.X, buffers.Scalars, Options) == 0)
            return GpuSolveTransfer.ZeroRightHandSide(Name, x, Options, start); // A·x = 0 has x = 0 for SPD A, as on the CPU

        buffers.Initial.SubmitAndWait();
        while (GpuSolveTransfer.ReadHeader(buffers.Scalars).Done == (uint)StopReason.Running) buffers.Batch.SubmitAndWait();
        return GpuSolveTransfer.Download(Name, buffers.X, buffers.Scalars, _floats, x, Options, start).Info;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _system.Release();
        _kernels.Dispose();
    }

    /// <summary>The buffers and recorded sequences of the system currently uploaded.</summary>
    private sealed record SystemBuffers(
        GpuStencilLevel[] Levels, GpuBuffer X, GpuBuffer B, GpuBuffer R, GpuBuffer Z, GpuBuffer P, GpuBuffer Ap,
        GpuBuffer Partials, GpuBuffer Scalars, CommandSequence Initial, CommandSequence Batch);
}
