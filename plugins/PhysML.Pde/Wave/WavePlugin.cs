using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;

namespace PhysML.Pde;

/// <summary>
/// The damped 2D wave equation ∂²u/∂t² + γ∂u/∂t = c²∇²u on a membrane (scene name <c>wave</c>). Component:
/// <see cref="WaveMembrane"/> (one per scene). Fields: <c>displacement</c> (m) and <c>velocity</c> (m/s), [ny, nx].
/// Metrics per frame, after its last fixed step: <c>wave.energy</c> (the leapfrog-conserved kinetic + potential
/// energy, see <see cref="WaveMembraneSimulation"/>), <c>wave.max_abs</c> (max |u|, m), <c>wave.courant</c>; for a
/// sine mode on a clamped membrane <c>wave.analytic_rel_l2</c>.
/// </summary>
public sealed class WavePlugin : IPlugin
{
    private static readonly QueryDescription Simulations = new QueryDescription().WithAll<WaveMembraneSimulation>();

    public string Name => "wave";

    public void Build(App app)
    {
        app.RegisterComponent<WaveMembrane>("waveMembrane");
        app.AddSystem(Stage.Startup, "wave.setup", Setup);
        app.AddSystem(Stage.FixedUpdate, "wave.step", Step);
    }

    private static void Setup(World world)
    {
        if (world.SingleOrNone<WaveMembrane>("waveMembrane") is not { } entity) return;
        var membrane = world.Get<WaveMembrane>(entity);
        ComponentCheck.ThrowIfInvalid(entity, "waveMembrane", membrane);
        var dt = world.Resource<Time>().FixedDelta;
        if (membrane.Courant(dt) > 1)
            throw new ComponentValueException(entity, "waveMembrane.waveSpeed",
                $"waveMembrane.waveSpeed {membrane.WaveSpeed:G4} m/s is too fast for leapfrog with time.dt = {dt:G4} s: " +
                $"the Courant number c·dt·√(1/dx²+1/dy²) is {membrane.Courant(dt):G4} and must be <= 1, so c <= " +
                $"{membrane.MaxWaveSpeed(dt):G4} m/s here (or dt <= {dt / membrane.Courant(dt):G4} s). " +
                "Lower the wave speed, reduce time.dt, or use fewer cells.");
        var simulation = new WaveMembraneSimulation(membrane);
        world.Add(entity, simulation);
        var catalog = world.Resource<FieldCatalog>();
        var spacing = new[] { simulation.Grid.Dy, simulation.Grid.Dx };
        catalog.Register(new FieldView("displacement", "m", simulation.Grid.Shape, () => simulation.Displacement) { Spacing = spacing });
        catalog.Register(new FieldView("velocity", "m/s", simulation.Grid.Shape, () => simulation.Velocity) { Spacing = spacing });
    }

    private static void Step(World world)
    {
        var time = world.Resource<Time>();
        var metrics = world.Resource<FrameMetrics>();
        foreach (var chunk in world.GetChunks(Simulations))
        {
            foreach (var simulation in chunk.GetSpan<WaveMembraneSimulation>())
            {
                simulation.Step(time.FixedDelta);
                NonFiniteGuard.Check("displacement", simulation.Displacement, simulation.Grid.Shape, time.FixedStep,
                    "Check the initial amplitude and the boundary values.");
                Summarise(simulation, time.FixedDelta, metrics);
            }
        }
    }

    private static void Summarise(WaveMembraneSimulation simulation, double dt, FrameMetrics metrics)
    {
        double maxAbs = 0;
        foreach (var u in simulation.Displacement) maxAbs = Math.Max(maxAbs, Math.Abs(u));
        metrics.Set("wave.energy", simulation.Energy);
        metrics.Set("wave.max_abs", maxAbs);
        metrics.Set("wave.courant", simulation.Membrane.Courant(dt));
        if (WaveAnalytic.Applies(simulation.Membrane))
            metrics.Set("wave.analytic_rel_l2", WaveAnalytic.RelativeL2Error(simulation.Membrane, simulation.Time, simulation.Displacement));
    }
}
