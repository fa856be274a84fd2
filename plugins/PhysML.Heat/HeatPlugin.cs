using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;

namespace PhysML.Heat;

/// <summary>
/// The 2D heat equation on a plate (scene name <c>heat</c>). Components: <see cref="HeatPlate"/> (one per scene) and
/// any number of <see cref="HeatSource"/>s. Field: <c>temperature</c> (K). Metrics per frame: <c>heat.mean</c>,
/// <c>heat.min</c>, <c>heat.max</c>; for the implicit scheme <c>solve.iterations</c> (summed over the frame's steps) and
/// <c>solve.residual</c> (the largest); for a sine mode with zero walls <c>heat.analytic_rel_l2</c>.
/// </summary>
public sealed class HeatPlugin : IPlugin
{
    private static readonly QueryDescription Simulations = new QueryDescription().WithAll<HeatPlateSimulation>();
    private static readonly QueryDescription Sources = new QueryDescription().WithAll<HeatSource>();

    public string Name => "heat";

    public void Build(App app)
    {
        app.RegisterComponent<HeatPlate>("heatPlate");
        app.RegisterComponent<HeatSource>("heatSource");
        app.AddSystem(Stage.Startup, "heat.setup", Setup);
        app.AddSystem(Stage.FixedUpdate, "heat.step", Step);
    }

    private static void Setup(World world)
    {
        if (world.SingleOrNone<HeatPlate>("heatPlate") is not { } entity) return;
        var plate = world.Get<HeatPlate>(entity);
        var dt = world.Resource<Time>().FixedDelta;
        if (plate.Scheme == HeatScheme.Explicit && dt > plate.MaxExplicitDt)
            throw new ComponentValueException(entity, "heatPlate.scheme",
                $"heatPlate.scheme 'explicit' is unstable with time.dt = {dt:G4} s: forward Euler needs dt <= " +
                $"1/(2α(1/dx²+1/dy²)) = {plate.MaxExplicitDt:G4} s here. Use scheme 'implicit' or a smaller time.dt.");
        var simulation = new HeatPlateSimulation(plate);
        world.Add(entity, simulation);
        world.Resource<FieldCatalog>().Register(new FieldView("temperature", "K", simulation.Grid.Shape,
            () => simulation.Temperature) { Spacing = new[] { simulation.Grid.Dy, simulation.Grid.Dx } });
    }

    private static void Step(World world)
    {
        var time = world.Resource<Time>();
        var metrics = world.Resource<FrameMetrics>();
        var sources = new List<HeatSource>();
        foreach (var chunk in world.GetChunks(Sources)) sources.AddRange(chunk.GetSpan<HeatSource>().ToArray());

        foreach (var chunk in world.GetChunks(Simulations))
        {
            foreach (var simulation in chunk.GetSpan<HeatPlateSimulation>())
            {
                simulation.RasteriseSources(sources);
                var info = simulation.Step(time.FixedDelta);
                NonFiniteGuard.Check("temperature", simulation.Temperature, simulation.Grid.Shape, time.FixedStep,
                    "Check the sources' rates and the boundary values; with scheme 'explicit', reduce time.dt.");
                if (info is not null)
                {
                    metrics.Add("solve.iterations", info.Iterations);
                    metrics.Set("solve.residual", Math.Max(info.RelativeResidual,
                        metrics.TryGet("solve.residual", out var worst) ? worst : 0));
                }
                Summarise(simulation, sources.Count > 0, metrics);
            }
        }
    }

    private static void Summarise(HeatPlateSimulation simulation, bool hasSources, FrameMetrics metrics)
    {
        var t = simulation.Temperature;
        metrics.Set("heat.mean", t.Average());
        metrics.Set("heat.min", t.Min());
        metrics.Set("heat.max", t.Max());
        if (HeatAnalytic.Applies(simulation.Plate, hasSources))
            metrics.Set("heat.analytic_rel_l2", HeatAnalytic.RelativeL2Error(simulation.Plate, simulation.Time, t));
    }
}
