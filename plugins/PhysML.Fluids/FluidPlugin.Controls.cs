using PhysML.Core.Application;
using PhysML.Core.Ecs;
using PhysML.Fluids.ThreeD;
using PhysML.Solvers;
using PhysML.Solvers.Pressure;

namespace PhysML.Fluids;

/// <summary>
/// Run-time switches of the pressure solve (<see cref="PressureControls"/>: timeline <c>pressure</c> and
/// <c>training</c> events, the viewer's keys), applied in PreUpdate, before the frame's first step. A switch builds
/// the solver as Startup would have for a domain with those settings (<see cref="PressureSolverChoice"/>, with its
/// fallbacks and warnings) and keeps φ, the warm start. Switching a learned scene's preconditioner leaves the learned
/// model for good (its training stops with it).
/// </summary>
public sealed partial class FluidPlugin
{
    private static readonly string[] PreconditionerNames = ["none", "jacobi", "mic0", "multigrid"];
    private static readonly string[] BackendNames = ["cpu", "vulkan", "auto"];

    private static PressureControls PressureControlsFor() => new(PreconditionerNames, BackendNames, TrainingUnavailable);

    // Asked at load, before Startup: the scene's domain as written decides.
    private static string? TrainingUnavailable(World world)
    {
        var domains = world.GetEntities(new QueryDescription().WithAll<FluidDomain>());
        if (domains.Count == 0) return "this scene has no fluidDomain: there is no learned pressure model to train";
        var domain = world.Get<FluidDomain>(domains[0]);
        if (domain.PressureModel is null) return "fluidDomain has no pressureModel: there is no learned model to train";
        if (domain.PressureTraining is not { Online: true })
            return "fluidDomain.pressureTraining.online is not true, so no trainer runs; set it (and stop training at frame 0 to start it later)";
        return null;
    }

    private static void ApplyPressureControls(World world)
    {
        ref var controls = ref world.Resource<PressureControls>();
        if (!controls.HasPending) return;
        if (controls.Preconditioner is not null || controls.Backend is not null) SwitchSolvers(world, controls);
        if (controls.Training is { } on && world.TryGetResource(out LearnedPressureStatus learned)
            && learned.Trainable is { } trainable) trainable.Training = on;
        controls.AppliedVersion = controls.Version;
    }

    private static void SwitchSolvers(World world, PressureControls controls)
    {
        foreach (var entity in world.GetEntities(new QueryDescription().WithAll<FluidDomain>()))
        {
            var written = world.Get<FluidDomain>(entity);
            var domain = written with
            {
                PressurePreconditioner = controls.Preconditioner is { } p ? Enum.Parse<PressurePreconditioner>(p, ignoreCase: true) : written.PressurePreconditioner,
                PressureBackend = controls.Backend is { } b ? Enum.Parse<PressureBackend>(b, ignoreCase: true) : written.PressureBackend,
                // A preconditioner switch leaves the learned model (the choice ignores the preconditioner while one is set).
                PressureModel = controls.Preconditioner is not null ? null : written.PressureModel,
                PressureTraining = controls.Preconditioner is not null ? null : written.PressureTraining,
            };
            if (domain.PressureModel is null && world.TryGetResource(out LearnedPressureStatus learned))
            {
                world.RemoveResource<LearnedPressureStatus>();
                learned.Dispose();
            }
            var parallel = world.Resource<ComputeSettings>().ParallelOptions;
            if (world.TryGet(entity, out FluidSimulation2D simulation2D))
            {
                var solver = PressureSolverChoice.Create(world, domain, domain.PressureSolverOptions)
                             ?? new CpuPoissonSolver(domain.PressurePreconditioner, domain.PressureSolverOptions, parallel);
                simulation2D.Projection.UseSolver(solver).Dispose();
            }
            else if (world.TryGet(entity, out FluidSimulation3D simulation3D))
            {
                var options = domain.PressureSolverOptions with { RecordHistory = false };
                var solver = PressureSolverChoice.Create(world, domain, options)
                             ?? new CpuPoissonSolver(domain.PressurePreconditioner, options, parallel);
                simulation3D.Projection.UseSolver(solver).Dispose();
            }
        }
    }
}
