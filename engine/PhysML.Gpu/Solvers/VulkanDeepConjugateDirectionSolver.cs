using System.Diagnostics;
using PhysML.Gpu.ML;
using PhysML.Solvers;
using PhysML.Solvers.Learned;
using PhysML.Solvers.Pressure;

namespace PhysML.Gpu.Solvers;

/// <summary>
/// The deep conjugate direction method (Kaneda et al., ICML 2023) entirely on the GPU: each iteration runs the
/// <see cref="VulkanDirectionNetwork"/>'s recorded forward pass on the residual buffer, A-orthogonalises its direction
/// against the last two, and steps by the exact line search, all in one replayed <see cref="CommandSequence"/> per
/// batch of iterations. The host reads only the convergence state between batches; the residual never leaves the GPU.
/// CPU reference, step for step: <see cref="DeepConjugateDirection"/> (fed the raw residual: the network scales its
/// input to unit RMS itself, so r and r/‖r‖ give the same direction).
/// <para>
/// Differences from the CPU loop: the residual is recomputed every iteration by default (float drifts; see the
/// constructor); a batch is a whole number of refresh periods and ring turns (at least 8 iterations), and a solve that converges mid-batch runs the rest of the batch as no-ops (α = 0),
/// network passes included. The two coefficients are computed together (classical Gram–Schmidt; the CPU subtracts one
/// after the other, which differs by rounding only since the ring's directions are A-orthogonal).
/// </para>
/// A solve the network breaks (a non-finite direction, or no descent) is finished from the last good iterate by the
/// fallback (Vulkan MGPCG unless given) and counted in <see cref="Fallbacks"/>. Not thread-safe.
/// </summary>
public sealed class VulkanDeepConjugateDirectionSolver : ILearnedPoissonSolver
{
    private readonly VulkanContext _context;
    private readonly SolverKernels _solverKernels;
    private readonly DcdmKernels _kernels;
    private readonly IPoissonSolver _fallback;
    private readonly SystemResources<SystemBuffers> _system = new();
    private float[] _floats = Array.Empty<float>();
    private bool _disposed;

    /// <param name="context">The device; the network must live on it.</param>
    /// <param name="network">The direction network.</param>
    /// <param name="options">Tolerance (‖r‖/‖b‖) and iteration cap.</param>
    /// <param name="settings">A-orthogonalisation depth (only 2, the paper's, runs on the GPU) and residual refresh
    /// (default: every iteration, as the paper).</param>
    /// <param name="fallback">Finishes broken solves; Vulkan MGPCG when null (then owned by this solver).</param>
    /// <param name="ownsNetwork">Dispose <paramref name="network"/> with this solver.</param>
    public VulkanDeepConjugateDirectionSolver(VulkanContext context, VulkanDirectionNetwork network, SolverOptions options,
        DeepConjugateDirectionSettings settings = default, IPoissonSolver? fallback = null, bool ownsNetwork = false)
    {
        _ownsNetwork = ownsNetwork;
        // In float the recursive residual drifts from b − Ax (measured on coarse16, 2D 40²: a solve that stopped at a
        // recursive 1e-5 had a true residual of 4e-5 with the CPU default of refreshing every 16 iterations). The
        // network pass costs tens of stencil applications, so the paper's refresh at every iteration is nearly free.
        settings = settings == default ? new DeepConjugateDirectionSettings { ResidualRefreshInterval = 1 } : settings;
        if (settings.OrthogonalizeAgainst != 2)
            throw new ArgumentException($"the GPU loop keeps a ring of 2 directions; OrthogonalizeAgainst was {settings.OrthogonalizeAgainst}", nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.ResidualRefreshInterval, 1, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxIterations);
        _context = context;
        Network = network;
        Options = options;
        RefreshEvery = settings.ResidualRefreshInterval;
        // Whole ring turns and refresh periods per batch, so each recorded iteration knows its slot and whether it
        // refreshes; at least 8 iterations, so the host's convergence reads stay rare.
        var period = RefreshEvery % 2 == 0 ? RefreshEvery : 2 * RefreshEvery;
        BatchIterations = (8 + period - 1) / period * period;
        _ownsFallback = fallback is null;
        _solverKernels = new SolverKernels(context);
        try
        {
            _kernels = new DcdmKernels(context);
            _fallback = fallback ?? new VulkanPoissonSolver(context, PressurePreconditioner.Multigrid, options);
        }
        catch
        {
            _kernels?.Dispose();
            _solverKernels.Dispose();
            throw;
        }
    }

    private readonly bool _ownsFallback;
    private readonly bool _ownsNetwork;

    public VulkanDirectionNetwork Network { get; }

    public ISearchDirectionModel Model => Network;

    public string Name => DeepConjugateDirection.Name;

    public string Backend => VulkanPoissonSolver.BackendName;

    public SolverOptions Options { get; }

    /// <summary>Iterations per submitted batch; the host checks convergence between batches.</summary>
    public int BatchIterations { get; }

    /// <summary>The residual is recomputed as b − Ax every this many iterations, and updated by −αAd otherwise.</summary>
    public int RefreshEvery { get; }

    /// <summary>Solves finished by the fallback solver because the network broke them, since construction.</summary>
    public int Fallbacks { get; set; }

    /// <summary>Why the last fallback happened.</summary>
    public string? LastBreakdown { get; private set; }

    public SolveInfo Solve(IPoissonStencil a, ReadOnlySpan<double> b, Span<double> x)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var start = Stopwatch.GetTimestamp();
        var n = a.Size;
        if (b.Length != n || x.Length != n)
            throw new ArgumentException($"operator size {n}, right-hand side {b.Length} and solution {x.Length} must agree");
        var buffers = _system.For(a, Build);
        if (GpuSolveTransfer.Upload(b, x, _floats, buffers.B, buffers.X, buffers.Scalars, Options) == 0)
            return GpuSolveTransfer.ZeroRightHandSide(Name, x, Options, start);
        // Empty ring: zero curvatures make the first coefficients zero.
        buffers.State.Upload<DcdmState>([default]);

        buffers.Initial.SubmitAndWait();
        while (GpuSolveTransfer.ReadHeader(buffers.Scalars).Done == (uint)StopReason.Running) buffers.Batch.SubmitAndWait();
        var (info, header) = GpuSolveTransfer.Download(Name, buffers.X, buffers.Scalars, _floats, x, Options, start);
        return (StopReason)header.Done switch
        {
            StopReason.NonFinite => FinishWithFallback(a, b, x, info, $"{Network.Name} returned a non-finite direction"),
            StopReason.NotPositiveDefinite => FinishWithFallback(a, b, x, info,
                $"{Network.Name} proposed a direction with q·Aq = {header.PAp:G3} (no descent possible)"),
            _ => info,
        };
    }

    private SolveInfo FinishWithFallback(IPoissonStencil a, ReadOnlySpan<double> b, Span<double> x, SolveInfo partial, string why)
    {
        Fallbacks++;
        LastBreakdown = why;
        return LearnedPoissonSolver.Continued(Name, partial, _fallback.Solve(a, b, x));
    }

    private T Keep<T>(T resource) where T : IDisposable => _system.Keep(resource);

    private SystemBuffers Build(IPoissonStencil a)
    {
        var n = a.Size;
        if (_floats.Length < n) _floats = new float[n];
        var inverse = new double[n];
        for (var i = 0; i < n; i++) inverse[i] = 1 / a.Diagonal[i];
        var level = Keep(new GpuStencilLevel(_context, "dcdm", a.Shape, a.Diagonal, a.East, a.North, a.Front, inverse, default, workVectors: false));
        GpuBuffer Vector(string name, int count) => Keep(_context.CreateBuffer(SolverBuffers.Vector(count), $"dcdm.{name}"));
        var unknown = Vector("unknown", n);
        var mask = new float[n];
        for (var c = 0; c < n; c++) mask[c] = a.IsUnknown(c) ? 1 : 0;
        unknown.Upload<float>(mask);
        var buffers = new SystemBuffers(level, unknown, Vector("x", n), Vector("b", n), Vector("r", n), Vector("q", n), Vector("Aq", n),
            [Vector("direction0", n), Vector("direction1", n)], [Vector("applied0", n), Vector("applied1", n)],
            Vector("partials", 2 * level.Groups.Count),
            Keep(_context.CreateBuffer(SolverBuffers.Scalars(SolverScalars.HeaderFloats + Options.MaxIterations + 1), "dcdm.scalars")),
            Keep(_context.CreateBuffer(SolverBuffers.Scalars(6), "dcdm.state")),
            Keep(_context.CreateSequence("dcdm.initial")), Keep(_context.CreateSequence("dcdm.batch")));
        var plan = Keep(Network.PlanFor(a, buffers.R, buffers.Q));
        Record(buffers, plan);
        return buffers;
    }

    private void Record(SystemBuffers s, DirectionNetworkPlan plan)
    {
        var top = s.Level;
        var groups = top.Groups;
        var count = new CountPush((uint)top.Shape.CellCount);
        KernelBinding Bind(ComputeKernel kernel, params GpuBuffer[] buffers) => Keep(kernel.Bind(buffers));
        var (k, d) = (_solverKernels, _kernels);
        var residual = Bind(k.StencilResidual, top.Diagonal, top.East, top.North, top.Front, s.X, s.B, s.R);
        var dotRr = Bind(k.Dot, s.R, s.R, s.Partials);
        var reduce = Bind(k.ReduceScalars, s.Partials, s.Scalars);
        var identity = Bind(d.IdentityRows, s.Scalars, s.Unknown, s.R, s.Q);
        var apply = Bind(d.Apply, top.Diagonal, top.East, top.North, top.Front, s.Q, s.Aq, s.Applied[0], s.Applied[1], s.Partials);
        var orthogonalize = Bind(d.Orthogonalize, s.State, s.Q, s.Aq, s.Directions[0], s.Directions[1], s.Applied[0], s.Applied[1], s.R, s.Partials);
        var pairReduce = Bind(d.Reduce, s.Partials, s.Scalars, s.State);
        var update = new[]
        {
            Bind(k.CgUpdate, s.Scalars, s.Directions[0], s.Applied[0], s.X, s.R, s.Partials),
            Bind(k.CgUpdate, s.Scalars, s.Directions[1], s.Applied[1], s.X, s.R, s.Partials),
        };
        var one = new WorkgroupGrid(1, 1);
        var groupCount = (uint)groups.Count;

        s.Initial.Record(recorder =>
        {
            // The ring starts empty: zero directions, so a stale slot can never leak into the first coefficients.
            foreach (var buffer in s.Directions.Concat(s.Applied)) recorder.Fill(buffer);
            recorder.Dispatch(residual, top.Grid, groups);
            recorder.Dispatch(dotRr, count, groups);
            recorder.Dispatch(reduce, new ReducePush(groupCount, ReduceMode.InitialRr), one);
        });
        s.Batch.Record(recorder =>
        {
            for (var i = 0; i < BatchIterations; i++)
            {
                var slot = (uint)(i % 2);
                plan.Record(recorder);
                recorder.Dispatch(identity, count, groups);
                recorder.Dispatch(apply, top.Grid, groups);
                recorder.Dispatch(pairReduce, new DcdmReducePush(groupCount, DcdmReduceMode.Coefficients, 0), one);
                recorder.Dispatch(orthogonalize, new SlotPush(count.N, slot), groups);
                recorder.Dispatch(pairReduce, new DcdmReducePush(groupCount, DcdmReduceMode.Step, slot), one);
                recorder.Dispatch(update[slot], count, groups);
                if ((i + 1) % RefreshEvery == 0)
                {
                    recorder.Dispatch(residual, top.Grid, groups);
                    recorder.Dispatch(dotRr, count, groups);
                }
                recorder.Dispatch(reduce, new ReducePush(groupCount, ReduceMode.Rr), one);
            }
        });
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _system.Release();
        if (_ownsFallback) _fallback.Dispose();
        _kernels.Dispose();
        _solverKernels.Dispose();
        if (_ownsNetwork) Network.Dispose();
    }

    private sealed record SystemBuffers(
        GpuStencilLevel Level, GpuBuffer Unknown, GpuBuffer X, GpuBuffer B, GpuBuffer R, GpuBuffer Q, GpuBuffer Aq,
        GpuBuffer[] Directions, GpuBuffer[] Applied, GpuBuffer Partials, GpuBuffer Scalars, GpuBuffer State,
        CommandSequence Initial, CommandSequence Batch);
}
