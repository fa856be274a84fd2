using PhysML.Core.Diagnostics;
using PhysML.Scenes.Loading;
using PhysML.Scenes.Running;

namespace PhysML.Plugins.Tests;

/// <summary>The Fisher–KPP PDE plugin, loaded from its DLL: the logistic limit, conservation, its field, stability.</summary>
public class SampleReactionDiffusionTests
{
    private static string Scene(double dt, string fisher, string extra = "") => $$"""
        {
          "name": "fisher",
          "plugins": ["samples.reactionDiffusion", "probes"],
          "time": { "dt": {{dt}}, "stepsPerFrame": 1, "frames": 10 },
          "entities": [ { "components": { "fisherKpp": { {{fisher}} } } } {{extra}} ]
        }
        """;

    private static double LogisticError(double dt)
    {
        // Uniform u₀ = 0.1: diffusion does nothing and each cell follows the logistic equation.
        using var app = SamplePlugins.Parse(SamplePlugins.ReactionDiffusion,
            Scene(dt, "\"nx\": 8, \"ny\": 8, \"rate\": 1, \"background\": 0.1, \"seedRadius\": 0")).App;
        var steps = (int)Math.Round(1 / dt);
        app.RunFrame(steps);
        app.World.Resource<FrameMetrics>().TryGet("fisher.mean", out var mean);
        var exact = 1 / (1 + (1 / 0.1 - 1) * Math.Exp(-1.0)); // u(t = 1 s)
        return Math.Abs(mean - exact);
    }

    [Fact]
    public void A_uniform_population_follows_the_logistic_solution_to_first_order_in_dt()
    {
        var coarse = LogisticError(0.02);
        var fine = LogisticError(0.01);
        // Forward Euler's global error is O(dt): below 1e-2 at dt = 0.02 s, and halving dt halves it (ratio 2 ± 10 %).
        Assert.True(coarse < 1e-2, $"error {coarse:E3} at dt = 0.02 s");
        Assert.InRange(coarse / fine, 1.8, 2.2);
    }

    [Fact]
    public void Diffusion_alone_conserves_the_population_and_the_field_is_in_the_catalog()
    {
        using var app = SamplePlugins.Parse(SamplePlugins.ReactionDiffusion,
            Scene(0.05, "\"nx\": 32, \"ny\": 32, \"cellSize\": 0.03125, \"diffusivity\": 0.001, \"rate\": 0, \"seedRadius\": 0.1",
                ", { \"components\": { \"pointProbe\": { \"field\": \"population\", \"x\": 0.5, \"y\": 0.5 } } }")).App;
        app.RunFrame(1);
        var field = app.World.Resource<FieldCatalog>().Find("population")!;
        var before = field.Read().ToArray().Sum();
        app.RunFrame(40);
        var after = field.Read().ToArray().Sum();
        // The periodic five-point Laplacian sums to zero over the grid: only rounding changes Σu.
        Assert.Equal(before, after, before * 1e-12);
        Assert.Equal([32, 32], field.Shape);
        Assert.True(app.World.Resource<ProbeReadings>().Count > 0); // the probe reads the plugin's field
    }

    [Fact]
    public void An_unstable_dt_is_refused_at_startup_naming_the_field_and_the_largest_stable_step()
    {
        var loaded = SamplePlugins.Parse(SamplePlugins.ReactionDiffusion, Scene(1, "\"diffusivity\": 0.001"));
        var error = Assert.Throws<SceneException>(() => new SceneRunner(loaded, new RunOptions { Frames = 0 }));
        Assert.Contains("$.entities[0].components.fisherKpp.diffusivity", error.Message);
        Assert.Contains("0.06104", error.Message); // h²/(4D) with h = 1/64 m, D = 1e-3 m²/s
    }
}
