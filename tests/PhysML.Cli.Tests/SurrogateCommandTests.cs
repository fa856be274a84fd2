using System.Text.Json;

namespace PhysML.Cli.Tests;

/// <summary>
/// <c>physml train surrogate</c>, <c>physml bench surrogate</c> and the <c>surrogate</c> plugin's scene component, on
/// grids small enough to train in seconds (these check the plumbing and the figures' presence; the method itself is
/// tested in PhysML.ML.Tests).
/// </summary>
public class SurrogateCommandTests
{
    private static readonly string[] Tiny = ["--basis", "4", "--width", "4", "--modes", "2", "--layers", "1", "--points", "40", "--train", "2", "--test", "1", "--threads", "1"];

    private static string TrainRodModel(TempDirectory temp)
    {
        var path = temp.Sub("ds.ckpt");
        var run = CliRun.Of(["train", "surrogate", "--problem", "diffusion-sorption", "--method", "moe", "--experts", "2", "--cells", "16",
            "--times", "6", "--horizon", "50", "--steps", "2", "--out", path, .. Tiny]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return path;
    }

    private static string RodScene(TempDirectory temp, string model, int cells) => temp.File("shadow.scene.json", $$"""
        {
          "name": "shadow", "plugins": ["diffusionSorption", "surrogate"], "seed": 100000,
          "time": { "dt": 0.5, "stepsPerFrame": 10, "frames": 6 },
          "entities": [
            { "name": "column", "components": { "diffusionSorptionRod": { "nx": {{cells}} } } },
            { "name": "surrogate", "components": { "surrogateShadow": { "model": {{JsonSerializer.Serialize(model)}} } } }
          ]
        }
        """);

    [Fact]
    public void Training_writes_a_checkpoint_a_loss_plot_and_the_held_out_figures()
    {
        using var temp = new TempDirectory();
        var path = TrainRodModel(temp);
        Assert.True(File.Exists(path));
        Assert.True(File.Exists(Path.ChangeExtension(path, ".loss.png")));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
    }

    [Fact]
    public void A_scene_shadows_the_solver_and_records_the_error_and_the_constraint_residual()
    {
        using var temp = new TempDirectory();
        var model = TrainRodModel(temp);
        var run = CliRun.Of("run", RodScene(temp, model, 16), "--out", temp.Sub("run"));
        Assert.True(run.ExitCode == 0, run.ToString());
        var frames = File.ReadAllLines(Path.Combine(temp.Sub("run"), "metrics.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(6, frames.Count);
        // 6 frames of 5 s reach t = 30 s, inside the model's 50 s horizon: every frame has the comparison.
        Assert.All(frames, f => Assert.True(double.IsFinite(f.GetProperty("surrogate.rel_l2").GetDouble())));
        Assert.All(frames, f => Assert.True(f.GetProperty("surrogate.residual").GetDouble() >= 0));
    }

    [Fact]
    public void A_model_for_another_grid_is_PML0903_and_a_missing_one_PML0902()
    {
        using var temp = new TempDirectory();
        var model = TrainRodModel(temp);
        var mismatch = CliRun.Of("run", RodScene(temp, model, 32), "--out", temp.Sub("a"));
        Assert.Equal(2, mismatch.ExitCode);
        Assert.Contains("PML0903", mismatch.Error);
        Assert.Contains("16 cells", mismatch.Error);
        var missing = CliRun.Of("run", RodScene(temp, temp.Sub("absent.ckpt"), 16), "--out", temp.Sub("b"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("PML0902", missing.Error);
    }

    [Fact]
    public void Settings_out_of_range_are_PML0901_before_any_data_is_generated()
    {
        using var temp = new TempDirectory();
        var run = CliRun.Of(["train", "surrogate", "--problem", "ns-vorticity", "--method", "moe", "--experts", "0", "--out", temp.Sub("m.ckpt"), .. Tiny]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("PML0901", run.Error);
        Assert.Contains("experts", run.Error);
        Assert.DoesNotContain("generating", run.Output);
        Assert.False(File.Exists(temp.Sub("m.ckpt")));
    }

    [Fact]
    public void The_benchmark_writes_rows_for_every_problem_and_method_with_the_required_fields()
    {
        using var temp = new TempDirectory();
        var json = temp.Sub("bench.json");
        var run = CliRun.Of(["bench", "surrogate", "--cells", "16", "--grid", "8", "--times", "4", "--steps", "2", "--sweep", "20",
            "--experts", "4", "--json", json, .. Tiny]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = JsonDocument.Parse(File.ReadAllText(json)).RootElement.EnumerateArray().ToList();
        // Per problem: soft, hard, moe, then hard and moe at the one sweep count.
        Assert.Equal(10, rows.Count);
        foreach (var field in new[] { "problem", "method", "experts", "points", "rel_l2", "train_ms_per_step", "infer_ms", "residual_per_expert" })
            Assert.All(rows, r => Assert.True(r.TryGetProperty(field, out _), field));
        Assert.Equal(["soft", "hard", "moe"], rows.Take(3).Select(r => r.GetProperty("method").GetString()!));
        Assert.Equal(4, rows[2].GetProperty("residual_per_expert").GetArrayLength());
        // The defaults: interface rows for the mixture only; diffusion–sorption trains on the data, Navier–Stokes on the
        // physics loss; every row says which.
        Assert.All(rows, r => Assert.Equal(r.GetProperty("method").GetString() == "moe", r.GetProperty("interfaces").GetBoolean()));
        Assert.All(rows.Take(5), r => Assert.Equal("data", r.GetProperty("loss").GetString()));
        Assert.All(rows.Skip(5), r => Assert.Equal("pde", r.GetProperty("loss").GetString()));
        Assert.Equal(["diffusion-sorption", "ns-vorticity"], rows.Select(r => r.GetProperty("problem").GetString()!).Distinct());
    }

    [Fact]
    public void With_several_seeds_the_benchmark_trains_each_method_per_seed_and_reports_the_spread_and_the_ordering_count()
    {
        using var temp = new TempDirectory();
        var json = temp.Sub("bench.json");
        var run = CliRun.Of(["bench", "surrogate", "--problems", "diffusion-sorption", "--cells", "16", "--times", "4", "--steps", "2",
            "--sweep", "20", "--experts", "2", "--seeds", "3,5", "--json", json, .. Tiny]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = JsonDocument.Parse(File.ReadAllText(json)).RootElement.EnumerateArray().ToList();
        // Soft, hard, moe for seed 3 and for seed 5, then the sweep's hard and moe on seed 3's models.
        Assert.Equal([3, 3, 3, 5, 5, 5, 3, 3], rows.Select(r => r.GetProperty("seed").GetInt32()));
        Assert.Equal(["soft", "hard", "moe", "soft", "hard", "moe", "hard", "moe"], rows.Select(r => r.GetProperty("method").GetString()!));
        // Different seeds give different weights, so different errors.
        Assert.NotEqual(rows[1].GetProperty("rel_l2").GetDouble(), rows[4].GetProperty("rel_l2").GetDouble());
        Assert.Contains("seeds 3, 5", run.Output);
        Assert.Contains("over 2 seeds", run.Output);
        Assert.Matches("holds on [012] of 2 seeds, and (holds|does not hold) on the mean", run.Output);
    }

    [Fact]
    public void A_seed_list_that_is_not_numbers_is_refused_before_any_training()
    {
        var run = CliRun.Of(["bench", "surrogate", "--problems", "diffusion-sorption", "--seeds", "1,x", .. Tiny]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--seeds: 'x'", run.Error);
        Assert.DoesNotContain("method", run.Output);
    }
}
