using PhysML.Solvers;
using PhysML.Solvers.Learned;
using PhysML.Solvers.Multigrid;
using PhysML.Solvers.Pressure;

namespace PhysML.Gpu.Solvers;

/// <summary>
/// The learned V-cycle's pressure solve on Vulkan (MGPCG with the model's per-cell damping folded into the uploaded
/// levels) that can train in the loop: every system solved is shown to the <see cref="Trainer"/> first (the fluid step
/// has A and b on the CPU anyway, so nothing is read back from the GPU), and an adopted model replaces the GPU solver
/// at a frame boundary, whose levels are then re-uploaded with the new damping at the next solve.
/// </summary>
public sealed class VulkanLearnedMultigridSolver : ITrainableLearnedSolver
{
    private readonly VulkanContext _context;
    private readonly MultigridOptions _cycle;
    private VulkanPoissonSolver _gpu;

    /// <param name="context">The device the solves run on.</param>
    /// <param name="model">A learned V-cycle: an <see cref="ISearchDirectionModel"/> that is also <see cref="ISmootherWeights"/>.</param>
    /// <param name="options">Tolerance and iteration cap.</param>
    /// <param name="cycle">The V-cycle the model's damping is for (its sweeps).</param>
    public VulkanLearnedMultigridSolver(VulkanContext context, ISearchDirectionModel model, SolverOptions options, MultigridOptions cycle)
    {
        _context = context;
        _cycle = cycle;
        Options = options;
        Model = model;
        _gpu = Upload(model);
    }

    public ISearchDirectionModel Model { get; private set; }

    /// <summary>Stays at what it is set to (a resumed run restores it): PCG with a learned V-cycle (damping in (0, 1))
    /// has no breakdown to fall back from, so this solver never adds to it.</summary>
    public int Fallbacks { get; set; }

    public IPressureTrainer? Trainer { get; set; }

    public bool Training { get; set; } = true;

    public string Name => _gpu.Name;

    public string Backend => VulkanPoissonSolver.BackendName;

    public SolverOptions Options { get; }

    public SolveInfo Solve(IPoissonStencil a, ReadOnlySpan<double> b, Span<double> x)
    {
        if (Training) Trainer?.Observe(a, b);
        return _gpu.Solve(a, b, x);
    }

    public void Adopt(ISearchDirectionModel model)
    {
        if (ReferenceEquals(model, Model)) return;
        var next = Upload(model);
        _gpu.Dispose();
        (Model as IDisposable)?.Dispose();
        (_gpu, Model) = (next, model);
    }

    private VulkanPoissonSolver Upload(ISearchDirectionModel model) => model is ISmootherWeights weights
        ? new VulkanPoissonSolver(_context, PressurePreconditioner.Multigrid, Options, _cycle, smootherWeights: weights)
        : throw new ArgumentException($"{model.Name} is not a learned V-cycle: only its damping runs in the Vulkan multigrid kernels", nameof(model));

    /// <summary>Releases the GPU solver; the trainer belongs to whoever attached it (as with the CPU solver).</summary>
    public void Dispose() => _gpu.Dispose();
}
