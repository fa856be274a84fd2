using PhysML.Core.Application;
using PhysML.Core.Ecs;
using PhysML.Fluids.ThreeD;
using PhysML.Solvers;
using PhysML.Solvers.Pressure;

namespace PhysML.Fluids;

/// <summary>
/// Applies <see cref="RuntimeControls"/> commands to the fluid domain's pressure solve at a frame boundary (PreUpdate,
/// before any FixedUpdate step): S cycles the preconditioner, B moves the solve between the CPU and Vulkan, T pauses or
/// resumes online training. A new solver replaces the projection's and the old one is disposed; the scene's
/// <see cref="FluidDomain"/> keeps what the scene file said, the selection lives here.
/// </summary>
[PhysML.Core.Checkpoints.NoCheckpointState("the viewer's interactive solver selection; headless runs switch through the timeline's PressureControls")]
internal sealed class RuntimePressureSwitches
{
    /// <summary>The order S cycles through; Mic0 is skipped on Vulkan (no kernel for its sequential triangular solves).</summary>
    private static readonly PressurePreconditioner[] Cycle =
        [PressurePreconditioner.None, PressurePreconditioner.Jacobi, PressurePreconditioner.Mic0, PressurePreconditioner.Multigrid];

    private PressurePreconditioner _preconditioner;
    private PressureBackend _backend;
    private string? _note;

    private RuntimePressureSwitches(FluidDomain domain)
    {
        _preconditioner = domain.PressurePreconditioner;
        _backend = domain.PressureBackend;
    }

    /// <summary>The PreUpdate system: does nothing unless a front end added <see cref="RuntimeControls"/>.</summary>
    public static void Apply(World world)
    {
        if (!world.HasResource<RuntimeControls>() || world.SingleOrNone<FluidDomain>("fluidDomain") is not { } entity) return;
        var domain = world.Get<FluidDomain>(entity);
        if (!world.HasResource<RuntimePressureSwitches>()) world.SetResource(new RuntimePressureSwitches(domain));
        var controls = world.Resource<RuntimePressureSwitches>();
        var runtime = world.Resource<RuntimeControls>();
        foreach (var command in runtime.TakePending()) controls.Execute(world, entity, domain, command);
        runtime.Status = controls.Status(world, entity);
    }

    private void Execute(World world, Entity entity, FluidDomain domain, RuntimeCommand command)
    {
        _note = null;
        var learned = world.HasResource<LearnedPressureStatus>() ? world.Resource<LearnedPressureStatus>() : null;
        if (command == RuntimeCommand.ToggleTraining)
        {
            if (learned is null || !learned.CanTrain) _note = "nothing trains online in this scene (fluidDomain.pressureTraining)";
            else learned.ToggleTraining();
            return;
        }
        if (learned is not null)
        {
            _note = "a learned model solves the pressure: switch it off in the scene to compare solvers";
            return;
        }
        var wasVulkan = Projection(world, entity).Solver.Backend == ComputeBackend.Vulkan;
        if (command == RuntimeCommand.CycleSolver)
        {
            var next = Array.IndexOf(Cycle, _preconditioner) + 1;
            _preconditioner = Cycle[next % Cycle.Length];
            if (_preconditioner == PressurePreconditioner.Mic0 && wasVulkan) _preconditioner = PressurePreconditioner.Multigrid;
        }
        else
        {
            _backend = wasVulkan ? PressureBackend.Cpu : PressureBackend.Vulkan;
        }
        Rebuild(world, entity, domain);
    }

    private void Rebuild(World world, Entity entity, FluidDomain domain)
    {
        var selected = domain with { PressurePreconditioner = _preconditioner, PressureBackend = _backend };
        var options = domain.Is3D ? domain.PressureSolverOptions with { RecordHistory = false } : domain.PressureSolverOptions;
        var compute = world.Resource<ComputeBackend>();
        compute.Used = ComputeBackend.Cpu;
        // Create's warnings (e.g. "no Vulkan device") go to RunWarnings as at Startup; the HUD shows the outcome.
        var solver = PressureSolverChoice.Create(world, selected, options)
            ?? new CpuPoissonSolver(_preconditioner, options, world.Resource<ComputeSettings>().ParallelOptions);
        if (_backend == PressureBackend.Vulkan && solver.Backend != ComputeBackend.Vulkan)
        {
            _backend = PressureBackend.Cpu;
            _note = "no Vulkan device: the pressure solve stays on the CPU";
        }
        else if (_backend == PressureBackend.Vulkan && _preconditioner == PressurePreconditioner.Mic0)
        {
            _preconditioner = PressurePreconditioner.Multigrid;
        }
        Projection(world, entity).UseSolver(solver).Dispose();
    }

    private RuntimeControlStatus Status(World world, Entity entity)
    {
        var solver = Projection(world, entity).Solver;
        bool? training = world.HasResource<LearnedPressureStatus>() && world.Resource<LearnedPressureStatus>() is { CanTrain: true } learned
            ? learned.Training
            : null;
        var preconditioner = world.HasResource<LearnedPressureStatus>() ? "learned" : _preconditioner.ToString().ToLowerInvariant();
        return new RuntimeControlStatus(solver.Name, solver.Backend, training, _note) { Preconditioner = preconditioner };
    }

    private static IProjection Projection(World world, Entity entity) => world.TryGet<FluidSimulation2D>(entity, out var flat)
        ? new Projection2D(flat.Projection)
        : new Projection3D(world.Get<FluidSimulation3D>(entity).Projection);

    /// <summary>The 2D and 3D projections share no interface in the solvers project; these two adapters give them one here.</summary>
    private interface IProjection
    {
        IPoissonSolver Solver { get; }
        IPoissonSolver UseSolver(IPoissonSolver solver);
    }

    private sealed record Projection2D(PressureProjection2D Inner) : IProjection
    {
        public IPoissonSolver Solver => Inner.Solver;
        public IPoissonSolver UseSolver(IPoissonSolver solver) => Inner.UseSolver(solver);
    }

    private sealed record Projection3D(PhysML.Solvers.Pressure3D.PressureProjection3D Inner) : IProjection
    {
        public IPoissonSolver Solver => Inner.Solver;
        public IPoissonSolver UseSolver(IPoissonSolver solver) => Inner.UseSolver(solver);
    }
}
