using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;

namespace PhysML.Samples.Decay;

/// <summary>
/// The smallest useful plugin (scene name <c>samples.decay</c>): one component, one FixedUpdate system, one metric.
/// Each fixed step multiplies every <see cref="Decay"/> by exp(−rate·dt), the exact solution over the step, so
/// after n steps the value is value₀·exp(−rate·n·dt) to rounding. Metric per frame: <c>decay.total</c>.
/// </summary>
public sealed class DecayPlugin : IPlugin
{
    private static readonly QueryDescription Decaying = new QueryDescription().WithAll<Decay>();

    public string Name => "samples.decay";

    public void Build(App app)
    {
        app.RegisterComponent<Decay>("decay");
        app.AddSystem(Stage.FixedUpdate, "samples.decay.step", Step);
    }

    private static void Step(World world)
    {
        var step = new DecayStep(world.Resource<Time>().FixedDelta);
        world.Query<DecayStep, Decay>(Decaying, ref step);
        world.Resource<FrameMetrics>().Set("decay.total", step.Total);
    }

    // A struct callback: the query walks the chunks' Decay arrays and the JIT inlines Update.
    private struct DecayStep(double dt) : IForEach<Decay>
    {
        public double Total;

        public void Update(ref Decay decay)
        {
            decay = decay with { Value = decay.Value * Math.Exp(-decay.Rate * dt) };
            Total += decay.Value;
        }
    }
}
