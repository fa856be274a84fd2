using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;

namespace PhysML.DiffusionSorption;

/// <summary>
/// PDEBench's 1D diffusion–sorption equation (scene name <c>diffusionSorption</c>). Component:
/// <see cref="DiffusionSorptionRod"/> (one per scene). Field: <c>u</c> (dimensionless concentration, shape [nx]).
/// Metrics per frame, after its last fixed step: <c>ds.mean</c>, <c>ds.min</c>, <c>ds.max</c>, <c>ds.total_mass</c>
/// (∫u dx, m); and <c>ds.iterations</c>, the Newton iterations summed over the frame's steps.
/// Random initial conditions are drawn from System.Random seeded with the <see cref="RandomSeed"/> resource (the
/// scene's seed; 0 when an app has none).
/// </summary>
public sealed class DiffusionSorptionPlugin : IPlugin
{
    private static readonly QueryDescription Simulations = new QueryDescription().WithAll<DiffusionSorptionSimulation>();

    public string Name => "diffusionSorption";

    public void Build(App app)
    {
        app.RegisterComponent<DiffusionSorptionRod>("diffusionSorptionRod");
        app.AddSystem(Stage.Startup, "diffusionSorption.setup", Setup);
        app.AddSystem(Stage.FixedUpdate, "diffusionSorption.step", Step);
    }

    private static void Setup(World world)
    {
        if (world.SingleOrNone<DiffusionSorptionRod>("diffusionSorptionRod") is not { } entity) return;
        var seed = world.HasResource<RandomSeed>() ? world.Resource<RandomSeed>().Value : 0;
        var simulation = new DiffusionSorptionSimulation(world.Get<DiffusionSorptionRod>(entity), seed);
        world.Add(entity, simulation);
        world.Resource<FieldCatalog>().Register(new FieldView("u", "1", [simulation.U.Length], () => simulation.U) { Spacing = [simulation.Dx] });
    }

    private static void Step(World world)
    {
        var time = world.Resource<Time>();
        var metrics = world.Resource<FrameMetrics>();
        foreach (var chunk in world.GetChunks(Simulations))
        {
            foreach (var simulation in chunk.GetSpan<DiffusionSorptionSimulation>())
            {
                metrics.Add("ds.iterations", simulation.Step(time.FixedDelta));
                NonFiniteGuard.Check("u", simulation.U, [simulation.U.Length], time.FixedStep,
                    "Check the rod's parameters (retardationEpsilon > 0 keeps R finite at u = 0) and reduce time.dt.");
                Summarise(simulation, metrics);
            }
        }
    }

    private static void Summarise(DiffusionSorptionSimulation simulation, FrameMetrics metrics)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
        foreach (var v in simulation.U)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            sum += v;
        }
        metrics.Set("ds.mean", sum / simulation.U.Length);
        metrics.Set("ds.min", min);
        metrics.Set("ds.max", max);
        metrics.Set("ds.total_mass", simulation.TotalMass);
    }
}
