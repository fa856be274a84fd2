using System.Text.Json;

namespace PhysML.Cli.Tests;

/// <summary>A fluid scene solving pressure with a learned model: the shipped model runs, bad models fail clearly or fall
/// back as the scene chooses, and the metrics say which model ran.</summary>
public class LearnedPressureSceneTests
{
    private static readonly string Models = Path.Combine(AppContext.BaseDirectory, "models");

    // A 2D closed tank with a box: small enough for the suite, with plugins and model given by the test.
    private static string Scene(TempDirectory temp, string model, bool fallback = false, string plugins = "\"fluid\", \"learnedPressure\"") =>
        temp.File("tank.scene.json", $$"""
        {
          "name": "tank", "plugins": [{{plugins}}],
          "time": { "dt": 0.02, "frames": 3 },
          "entities": [
            { "name": "tank", "components": { "fluidDomain": {
                "nx": 32, "ny": 32, "cellSize": 0.03125,
                "buoyancy": { "densityFactor": 0.5 },
                "pressureModel": {{JsonSerializer.Serialize(model)}}, "pressureModelFallback": {{(fallback ? "true" : "false")}} } } },
            { "name": "source", "components": { "smokeEmitter": { "x": 0.5, "y": 0.15, "radius": 0.08, "densityRate": 2 } } },
            { "name": "block", "components": { "boxObstacle": { "x": 0.4, "y": 0.5, "width": 0.2, "height": 0.1 } } }
          ]
        }
        """);

    [Fact]
    public void The_shipped_2D_model_solves_the_pressure_and_reports_its_version()
    {
        using var temp = new TempDirectory();
        var run = CliRun.Of("run", Scene(temp, Path.Combine(Models, "mg-learned-2d.ckpt")), "--out", temp.Sub("run"));
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = File.ReadAllLines(Path.Combine(temp.Sub("run"), "metrics.jsonl"));
        Assert.Equal(3, lines.Length);
        foreach (var line in lines)
        {
            using var metrics = JsonDocument.Parse(line);
            Assert.Equal(1, metrics.RootElement.GetProperty("model.version").GetInt32());
            Assert.Equal(0, metrics.RootElement.GetProperty("solve.fallbacks").GetInt32());
            // The learned V-cycle is MGPCG-like: a handful of iterations per solve, never CG's hundreds.
            Assert.InRange(metrics.RootElement.GetProperty("solve.iterations").GetDouble(), 1, 60);
            Assert.True(metrics.RootElement.GetProperty("fluid.relative_divergence").GetDouble() < 1e-4);
        }
    }

    [Fact]
    public void A_missing_model_stops_the_run_with_PML0501_naming_the_file()
    {
        using var temp = new TempDirectory();
        var run = CliRun.Of("run", Scene(temp, "no-such-model.ckpt"), "--out", temp.Sub("run"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("PML0501", run.Error);
        Assert.Contains(Path.Combine(temp.Path, "no-such-model.ckpt"), run.Error);
    }

    [Fact]
    public void With_fallback_a_missing_model_runs_MGPCG_with_a_warning()
    {
        using var temp = new TempDirectory();
        var run = CliRun.Of("run", Scene(temp, "no-such-model.ckpt", fallback: true), "--out", temp.Sub("run"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("MGPCG instead", run.Error + run.Output);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Sub("run"), "summary.json")));
        Assert.Contains("MGPCG instead", summary.RootElement.GetRawText());
    }

    [Fact]
    public void A_3D_model_in_a_2D_scene_is_PML0502()
    {
        using var temp = new TempDirectory();
        var run = CliRun.Of("run", Scene(temp, Path.Combine(Models, "mg-learned-3d.ckpt")), "--out", temp.Sub("run"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("PML0502", run.Error);
        Assert.Contains("3D model and the system is 2D", run.Error);
    }

    [Fact]
    public void A_model_without_the_learnedPressure_plugin_says_which_plugin_to_add()
    {
        using var temp = new TempDirectory();
        var run = CliRun.Of("run", Scene(temp, Path.Combine(Models, "mg-learned-2d.ckpt"), plugins: "\"fluid\""), "--out", temp.Sub("run"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("add \"learnedPressure\" to the scene's plugins", run.Error);
    }
}
