using System.Text.Json;
using System.Text.RegularExpressions;

namespace PhysML.Cli.Tests;

/// <summary>Timeline events change the running scene at their frame, and a failed assertion stops the run with exit
/// code 4, naming it, with everything written so far kept.</summary>
public class TimelineRunTests
{
    private static string Scene(string timeline) => $$"""
        { "name": "tl", "plugins": ["heat"], "time": { "dt": 0.5, "frames": 6 },
          "entities": [
            { "name": "plate", "components": { "heatPlate": { "nx": 8, "ny": 8, "initial": { "kind": "uniform", "value": 300 } } } },
            { "name": "heater", "components": { "heatSource": { "x": 0.5, "y": 0.5, "radius": 0.2, "rate": 1 } } } ],
          "timeline": [ {{timeline}} ] }
        """;

    private static string[] Metrics(string directory) => File.ReadAllLines(Path.Combine(directory, "metrics.jsonl"))
        .Select(l => Regex.Replace(l, "\"step_ms\":[^,]*,", "")).ToArray();

    private static double HeatMean(string line) => JsonDocument.Parse(line).RootElement.GetProperty("heat.mean").GetDouble();

    [Fact]
    public void Set_add_and_remove_take_effect_from_the_frame_after_their_own()
    {
        using var temp = new TempDirectory();
        var plain = CliRun.Of("run", temp.File("plain.scene.json", Scene("")), "--out", temp.Sub("plain"), "--image-every", "0");
        var scripted = CliRun.Of("run", temp.File("scripted.scene.json", Scene("""
            { "at": { "frame": 2 }, "set": { "path": "entities.heater.heatSource.rate", "value": 0 } },
            { "at": { "time": 2 }, "add": { "name": "chiller", "components": { "heatSource": { "x": 0.5, "y": 0.5, "radius": 0.2, "rate": -3 } } } },
            { "at": { "frame": 5 }, "remove": "chiller" }
            """)), "--out", temp.Sub("scripted"), "--image-every", "0");
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.True(scripted.ExitCode == 0, scripted.ToString());

        var (a, b) = (Metrics(temp.Sub("plain")), Metrics(temp.Sub("scripted")));
        Assert.Equal(a[..2], b[..2]);                                   // frames 1, 2: as without a timeline
        var mean = b.Select(HeatMean).ToArray();
        // Insulated plate: the mean changes only while a source is on.
        Assert.Equal(mean[1], mean[2], 9);                              // frames 3, 4: the heater is off
        Assert.Equal(mean[2], mean[3], 9);
        Assert.True(mean[4] < mean[3] - 0.1);                            // frame 5: the chiller, added at t = 2 s (the end of frame 4)
        Assert.Equal(mean[4], mean[5], 9);                              // frame 6: the chiller is gone again
    }

    [Fact]
    public void A_failed_assertion_exits_4_naming_it_and_keeps_the_run_directory()
    {
        using var temp = new TempDirectory();
        var outDir = temp.Sub("out");
        var scene = temp.File("fails.scene.json", Scene("""
            { "at": { "frame": 2 }, "set": { "path": "entities.heater.heatSource.rate", "value": 60 } },
            { "at": { "frame": 1 }, "assert": { "metric": "heat.max", "op": "<", "value": 305, "onward": true } }
            """));

        var run = CliRun.Of("run", scene, "--out", outDir, "--dump", "temperature");

        Assert.Equal(4, run.ExitCode);
        const string message = "$.timeline[1]: assertion heat.max < 305 (from frame 1 on) failed at frame 3: heat.max = ";
        Assert.Contains($"run failed after 3 of 6 frames: error PML0601: {message}", run.Error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal("failed", summary.RootElement.GetProperty("status").GetString());
        Assert.Equal(4, summary.RootElement.GetProperty("exit_code").GetInt32());
        Assert.Equal("PML0601", summary.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.StartsWith(message, summary.RootElement.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(3, File.ReadAllLines(Path.Combine(outDir, "metrics.jsonl")).Length);
        Assert.True(File.Exists(Path.Combine(outDir, "fields", "temperature_000003.npy")));
        Assert.Contains("> **Error PML0601**", File.ReadAllText(Path.Combine(outDir, "report.md")));
    }

    [Fact]
    public void An_assertion_on_a_metric_the_frame_lacks_fails_listing_the_metrics_it_has()
    {
        using var temp = new TempDirectory();
        var scene = temp.File("typo.scene.json", Scene("""{ "at": { "frame": 1 }, "assert": { "metric": "heat.maxx", "op": "<", "value": 1 } }"""));

        var run = CliRun.Of("run", scene, "--out", temp.Sub("out"), "--image-every", "0");

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("failed at frame 1: the frame has no metric 'heat.maxx'; it has: t, step_ms, solve.iterations, solve.residual, heat.mean, heat.min, heat.max", run.Error);
    }

    [Fact]
    public void Events_after_the_last_frame_are_a_warning_in_the_summary()
    {
        using var temp = new TempDirectory();
        var scene = temp.File("late.scene.json", Scene("""{ "at": { "frame": 50 }, "assert": { "metric": "heat.max", "op": "<", "value": 1 } }"""));

        var run = CliRun.Of("run", scene, "--out", temp.Sub("out"), "--frames", "2", "--image-every", "0");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("timeline event $.timeline[0] is at frame 50, after this run's last frame 2; it does not happen",
            File.ReadAllText(temp.Sub("out/summary.json")));
    }
}
