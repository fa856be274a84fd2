using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;

namespace MyGame.Wind;

/// <summary>
/// The MyGame.Wind plugin (scene name <c>MyGame.Wind</c>): registers <see cref="WindGust"/> and, every fixed step,
/// reports the strongest gust's speed as the metric <c>wind.speed</c> (m/s). Replace the system with your physics.
/// </summary>
public sealed class WindPlugin : IPlugin
{
    private static readonly QueryDescription Gusts = new QueryDescription().WithAll<WindGust>();

    public string Name => "MyGame.Wind";

    public void Build(App app)
    {
        app.RegisterComponent<WindGust>("windGust");
        app.AddSystem(Stage.FixedUpdate, "MyGame.Wind.step", Step);
    }

    private static void Step(World world)
    {
        // Time.Elapsed is the simulated time at the start of this fixed step.
        var time = world.Resource<Time>().Elapsed;
        var strongest = double.NegativeInfinity;
        foreach (var chunk in world.GetChunks(Gusts))
            foreach (var gust in chunk.GetSpan<WindGust>())
                strongest = Math.Max(strongest, gust.SpeedAt(time));
        if (double.IsFinite(strongest)) world.Resource<FrameMetrics>().Set("wind.speed", strongest);
    }
}
