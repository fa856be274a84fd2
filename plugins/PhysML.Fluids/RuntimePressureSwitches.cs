using PhysML.Core.Application;
using PhysML.Core.Ecs;
using PhysML.Fluids.ThreeD;
using PhysML.Solvers;
using PhysML.Solvers.Pressure;

namespace PhysML.Fluids;

/// <summary>
/// The viewer's keys for the pressure solve (<see cref="RuntimeControls"/>): S cycles the preconditioner, B moves the
/// solve between the CPU and Vulkan, T stops or starts online training. Each key becomes a request to
/// <see cref="PressureControls"/>, the one switch mechanism, which timelines write too and
/// <see cref="FluidPlugin"/> applies in the same PreUpdate (so a key and a timeline event build solvers the same way,
/// with the same fallbacks, and a switch made from the viewer is in checkpoints like a timeline's). What is left here is
/// what only keys need: cycling from the solver in effect, refusing to switch a learned scene, and the HUD's status.
/// </summary>
[PhysML.Core.Checkpoints.NoCheckpointState("the viewer's last note for the HUD; the switches themselves are PressureControls requests, which are checkpointed")]
internal sealed class RuntimePressureSwitches
{
    /// <summary>The order S cycles through (FluidPlugin's preconditioner names); mic0 is skipped on Vulkan (no kernel
    /// for its sequential triangular solves).</summary>
    private static readonly string[] Cycle = ["none", "jacobi", "mic0", "multigrid"];

    private string? _note;
    private bool _askedForVulkan;

    /// <summary>PreUpdate, before <see cref="FluidPlugin"/> applies the requests: turns this frame's key commands into
    /// requests. Does nothing unless a front end added <see cref="RuntimeControls"/>.</summary>
    public static void Translate(World world)
    {
        if (!world.HasResource<RuntimeControls>() || world.SingleOrNone<FluidDomain>("fluidDomain") is not { } entity) return;
        if (!world.HasResource<RuntimePressureSwitches>()) world.SetResource(new RuntimePressureSwitches());
        var switches = world.Resource<RuntimePressureSwitches>();
        var commands = world.Resource<RuntimeControls>().TakePending();
        if (commands.Count == 0) return;
        var pressure = world.Resource<PressureControls>();
        var solver = Projection(world, entity).Solver;
        var vulkan = solver.Backend == ComputeBackend.Vulkan;
        var preconditioner = InEffect(world.Get<FluidDomain>(entity), pressure, vulkan);
        foreach (var command in commands)
            switches.Execute(world, pressure, command, ref vulkan, ref preconditioner);
    }

    /// <summary>PreUpdate, after the requests were applied: publishes what is in effect for the HUD.</summary>
    public static void Publish(World world)
    {
        if (!world.HasResource<RuntimeControls>() || world.SingleOrNone<FluidDomain>("fluidDomain") is not { } entity) return;
        if (!world.HasResource<RuntimePressureSwitches>()) world.SetResource(new RuntimePressureSwitches());
        var switches = world.Resource<RuntimePressureSwitches>();
        var pressure = world.Resource<PressureControls>();
        var solver = Projection(world, entity).Solver;
        if (switches._askedForVulkan && solver.Backend != ComputeBackend.Vulkan)
        {
            // The choice fell back (and warned); record the CPU as asked for, already in effect, so the next key does
            // not try the missing device again.
            switches._note = "no Vulkan device: the pressure solve stays on the CPU";
            pressure.Request(null, "cpu");
            pressure.AppliedVersion = pressure.Version;
        }
        switches._askedForVulkan = false;
        var learned = world.TryGetResource(out LearnedPressureStatus status) ? status : null;
        bool? training = learned is { CanTrain: true } ? learned.Training : null;
        var preconditioner = learned is not null ? "learned" : InEffect(world.Get<FluidDomain>(entity), pressure, solver.Backend == ComputeBackend.Vulkan);
        world.Resource<RuntimeControls>().Status =
            new RuntimeControlStatus(solver.Name, solver.Backend, training, switches._note) { Preconditioner = preconditioner };
    }

    private void Execute(World world, PressureControls pressure, RuntimeCommand command, ref bool vulkan, ref string preconditioner)
    {
        _note = null;
        var learned = world.TryGetResource(out LearnedPressureStatus status) ? status : null;
        if (command == RuntimeCommand.ToggleTraining)
        {
            if (learned is not { CanTrain: true }) _note = "nothing trains online in this scene (fluidDomain.pressureTraining)";
            else pressure.RequestTraining(!(pressure.Training ?? learned.Training));
            return;
        }
        if (learned is not null)
        {
            _note = "a learned model solves the pressure: switch it off in the scene to compare solvers";
            return;
        }
        if (command == RuntimeCommand.CycleSolver)
        {
            preconditioner = Cycle[(Array.IndexOf(Cycle, preconditioner) + 1) % Cycle.Length];
            if (preconditioner == "mic0" && vulkan) preconditioner = "multigrid";
            pressure.Request(preconditioner, null);
        }
        else
        {
            vulkan = !vulkan;
            _askedForVulkan = vulkan;
            // Vulkan has no MIC(0): the choice takes multigrid there, as at Startup, and S cycles on from it.
            if (vulkan && preconditioner == "mic0") preconditioner = "multigrid";
            pressure.Request(null, vulkan ? "vulkan" : "cpu");
        }
    }

    /// <summary>The preconditioner in effect: the one asked for, else the scene's; mic0 runs as multigrid on Vulkan.</summary>
    private static string InEffect(FluidDomain domain, PressureControls pressure, bool vulkan)
    {
        var name = pressure.Preconditioner ?? domain.PressurePreconditioner.ToString().ToLowerInvariant();
        return name == "mic0" && vulkan ? "multigrid" : name;
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
