using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;

namespace PhysML.Samples.ReactionDiffusion;

/// <summary>
/// A custom PDE system (scene name <c>samples.reactionDiffusion</c>): the Fisher–KPP equation of
/// <see cref="FisherKpp"/>, with its own field <c>population</c> registered in the <see cref="FieldCatalog"/> so
/// frames, dumps and probes work as for the built-in fields. Metrics per frame: <c>fisher.mean</c>, <c>fisher.max</c>.
/// </summary>
public sealed class ReactionDiffusionPlugin : IPlugin
{
    private static readonly QueryDescription Simulations = new QueryDescription().WithAll<FisherKppSimulation>();

    public string Name => "samples.reactionDiffusion";

    public void Build(App app)
    {
        app.RegisterComponent<FisherKpp>("fisherKpp");
        app.AddSystem(Stage.Startup, "samples.reactionDiffusion.setup", Setup);
        app.AddSystem(Stage.FixedUpdate, "samples.reactionDiffusion.step", Step);
    }

    private static void Setup(World world)
    {
        if (world.SingleOrNone<FisherKpp>("fisherKpp") is not { } entity) return;
        var settings = world.Get<FisherKpp>(entity);
        var dt = world.Resource<Time>().FixedDelta;
        if (dt > settings.MaxStableDt)
            throw new ComponentValueException(entity, "fisherKpp.diffusivity",
                $"time.dt = {dt:G4} s is unstable for forward Euler here: it needs dt <= min(h²/(4D), 1/r) = {settings.MaxStableDt:G4} s; " +
                "lower time.dt (raise stepsPerFrame to keep the frame length)");
        var simulation = new FisherKppSimulation(settings);
        world.Add(entity, simulation);
        world.Resource<FieldCatalog>().Register(new FieldView("population", "1", [settings.Ny, settings.Nx], () => simulation.Population)
        {
            Spacing = [settings.CellSize, settings.CellSize],
        });
    }

    private static void Step(World world)
    {
        var time = world.Resource<Time>();
        var metrics = world.Resource<FrameMetrics>();
        foreach (var chunk in world.GetChunks(Simulations))
        {
            foreach (var simulation in chunk.GetSpan<FisherKppSimulation>())
            {
                simulation.Step(time.FixedDelta);
                NonFiniteGuard.Check("population", simulation.Population, [simulation.Settings.Ny, simulation.Settings.Nx], time.FixedStep,
                    "lower time.dt: forward Euler is stable for dt <= min(h²/(4D), 1/r)");
                metrics.Set("fisher.mean", simulation.Population.Average());
                metrics.Set("fisher.max", simulation.Population.Max());
            }
        }
    }
}
