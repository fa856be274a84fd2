using System.Text.Json;

namespace PhysML.Cli.Tests;

/// <summary>
/// The <c>surrogateShadow</c> component's replace mode and online fine-tuning through <c>physml run</c>, and the
/// surrogate's fields through the headless renderer, with models small enough to train in seconds.
/// </summary>
public class SurrogateOnlineCommandTests
{
    private static readonly string[] Tiny = ["--basis", "4", "--width", "4", "--modes", "2", "--layers", "1", "--points", "40", "--train", "2", "--test", "1", "--threads", "1"];

    private static string Train(TempDirectory temp, params string[] problem)
    {
        var path = temp.Sub("model.ckpt");
        var run = CliRun.Of(["train", "surrogate", "--method", "moe", "--experts", "2", "--steps", "2", "--out", path, .. problem, .. Tiny]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return path;
    }

    // A 16-cell rod, frames of 10 s = the model's sample interval; the model's window is 50 s (6 samples).
    private static string RodScene(TempDirectory temp, string model, string surrogate, int frames = 16) => temp.File("online.scene.json", $$"""
        {
          "name": "online", "plugins": ["diffusionSorption", "surrogate"], "seed": 100000,
          "time": { "dt": 0.5, "stepsPerFrame": 20, "frames": {{frames}} },
          "entities": [
            { "name": "column", "components": { "diffusionSorptionRod": { "nx": 16 } } },
            { "name": "surrogate", "components": { "surrogateShadow": { "model": {{JsonSerializer.Serialize(model)}}, {{surrogate}} } } }
          ]
        }
        """);

    private static List<Dictionary<string, double>> Figures(string runDirectory) =>
        File.ReadAllLines(Path.Combine(runDirectory, "metrics.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Number && (p.Name.StartsWith("surrogate.") || p.Name.StartsWith("train.") || p.Name.StartsWith("model."))
                        && !p.Name.EndsWith("_ms"))
            .ToDictionary(p => p.Name, p => p.Value.GetDouble())).ToList();

    [Fact]
    public void Deterministic_online_fine_tuning_writes_the_same_figures_twice_and_adopts_validated_models()
    {
        using var temp = new TempDirectory();
        var model = Train(temp, "--problem", "diffusion-sorption", "--cells", "16", "--times", "6", "--horizon", "50");
        var scene = RodScene(temp, model, """
            "train": { "online": true, "deterministic": true, "everyFrames": 3, "stepsPerRound": 3, "learningRate": 0.01,
                       "startWatermark": 2, "heldOutEvery": 3, "heldOutSize": 3, "seed": 4 }
            """);
        var first = CliRun.Of("run", scene, "--out", temp.Sub("a"));
        Assert.True(first.ExitCode == 0, first.ToString());
        var second = CliRun.Of("run", scene, "--out", temp.Sub("b"));
        Assert.True(second.ExitCode == 0, second.ToString());
        var (a, b) = (Figures(temp.Sub("a")), Figures(temp.Sub("b")));
        Assert.Equal(16, a.Count);
        Assert.Equal(a, b);
        // Windows start at frame 5 (the 6th sample); rounds at frames 9, 12 and 15 train and validate.
        Assert.All(a, f => Assert.True(double.IsFinite(f["surrogate.rel_l2"])));
        Assert.Equal(11, a[^1]["train.samples"]);
        Assert.True(a[^1]["train.rounds"] >= 2, $"{a[^1]["train.rounds"]} rounds");
        Assert.Contains(a, f => f.ContainsKey("train.loss"));
        Assert.Equal(a[^1]["train.rounds"] - a[^1]["train.rejected"], a[^1]["model.version"]);
        Assert.True(a[^1]["model.version"] >= 1, "a validated candidate was adopted");
        Assert.Contains(a, f => f.ContainsKey("surrogate.heldout_rel_l2"));
    }

    [Fact]
    public void Replace_mode_runs_past_the_model_horizon_with_the_error_and_the_residual_every_frame()
    {
        using var temp = new TempDirectory();
        var model = Train(temp, "--problem", "diffusion-sorption", "--cells", "16", "--times", "6", "--horizon", "50");
        var run = CliRun.Of("run", RodScene(temp, model, "\"mode\": \"replace\"", frames: 12), "--out", temp.Sub("run"));
        Assert.True(run.ExitCode == 0, run.ToString());
        var figures = Figures(temp.Sub("run"));
        Assert.Equal(12, figures.Count); // 120 s: three windows of 50 s
        Assert.All(figures, f => Assert.True(double.IsFinite(f["surrogate.rel_l2"]) && f["surrogate.residual"] >= 0));
    }

    [Theory]
    [InlineData("\"mode\": \"sideways\"", "mode")]
    [InlineData("\"train\": { \"online\": true, \"everyFrames\": 0 }", "train.everyFrames")]
    [InlineData("\"train\": { \"online\": true, \"heldOutEvery\": 1 }", "train.heldOutEvery")]
    public void Bad_surrogate_settings_are_located_errors_before_the_run(string surrogate, string field)
    {
        using var temp = new TempDirectory();
        var run = CliRun.Of("run", RodScene(temp, temp.Sub("unused.ckpt"), surrogate), "--out", temp.Sub("run"));
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(field, run.Error);
        Assert.Contains("online.scene.json", run.Error);
    }

    [Theory]
    [InlineData("vorticity")]
    [InlineData("surrogate")]
    [InlineData("surrogate_error")]
    [InlineData("surrogate_compare")]
    public void The_solver_field_the_surrogate_and_its_error_render_headless(string field)
    {
        using var temp = new TempDirectory();
        var model = Train(temp, "--problem", "ns-vorticity", "--grid", "8", "--times", "4", "--horizon", "0.3");
        var scene = temp.File("flow.scene.json", $$"""
            {
              "name": "flow", "plugins": ["vorticity", "surrogate"], "seed": 100000,
              "time": { "dt": 0.1, "stepsPerFrame": 1, "frames": 2 },
              "entities": [
                { "name": "square", "components": { "vorticityDomain": { "n": 8, "length": 1, "viscosity": 1e-3, "forcing": "fno", "maxCfl": 0.5 } } },
                { "name": "surrogate", "components": { "surrogateShadow": { "model": {{JsonSerializer.Serialize(model)}} } } }
              ]
            }
            """);
        var run = CliRun.Of("run", scene, "--out", temp.Sub("run"), "--render", "--render-field", field, "--size", "48x48");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(3, Directory.GetFiles(Path.Combine(temp.Sub("run"), "frames"), "*.png").Length);
    }
}
