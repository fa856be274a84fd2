using System.Text.Json;
using PhysML.Cli.Tests;
using PhysML.Core.Errors;

namespace PhysML.Plugins.Tests;

/// <summary>A DLL plugin whose system throws is disabled (PML0801) and the run goes on, complete, unless the scene
/// says <c>"onPluginError": "stop"</c>.</summary>
public class PluginFaultTests
{
    private const int Frames = 6;

    private static string Scene(TempDirectory temp, string? onPluginError) => temp.File("windy.scene.json", $$"""
        {
          "name": "windy",
          {{(onPluginError is null ? "" : $"\"onPluginError\": \"{onPluginError}\",")}}
          "plugins": ["samples.decay", "test.wind"],
          "time": { "dt": 0.1, "stepsPerFrame": 1, "frames": {{Frames}} },
          "entities": [ { "components": { "decay": { "value": 1, "rate": 1 } } } ]
        }
        """);

    [Fact]
    public void A_dll_plugin_that_throws_is_disabled_and_the_run_finishes_saying_so()
    {
        using var temp = new TempDirectory();
        var faulting = TestPluginCompiler.Faulting(temp.Sub("wind"), "test.wind", throwFromStep: 3);
        var output = temp.Sub("run");

        var run = CliRun.Of("run", Scene(temp, null), "--plugin", SamplePlugins.Dll(SamplePlugins.Decay), "--plugin", faulting, "--out", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning: error PML0801: plugin 'test.wind' is disabled: its system 'test.wind.step' threw in stage FixedUpdate at frame 3", run.Error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        var root = summary.RootElement;
        Assert.Equal("succeeded", root.GetProperty("status").GetString());
        Assert.Equal(Frames, root.GetProperty("frames_completed").GetInt32());
        var fault = Assert.Single(root.GetProperty("plugin_faults").EnumerateArray());
        Assert.Equal("test.wind", fault.GetProperty("plugin").GetString());
        Assert.Equal("test.wind.step", fault.GetProperty("system").GetString());
        Assert.Equal("fixed_update", fault.GetProperty("stage").GetString());
        Assert.Equal(3, fault.GetProperty("frame").GetInt64()); // fixed step 3 is in the fourth frame, index 3
        Assert.Contains("the wind table is empty", fault.GetProperty("error").GetString());
        Assert.Contains(root.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("error PML0801: plugin 'test.wind' is disabled"));

        // Every frame is recorded; the disabled plugin's other system stops with it, the healthy plugin goes on.
        var metrics = File.ReadAllLines(Path.Combine(output, "metrics.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(Frames, metrics.Count);
        Assert.All(metrics, m => Assert.True(m.TryGetProperty("decay.total", out _)));
        // The counting system runs before the throwing one, so it counted the fourth step too, and no step after it.
        Assert.Equal(4, metrics[3].GetProperty("test.wind.steps").GetDouble());
        Assert.All(metrics.Skip(4), m => Assert.False(m.TryGetProperty("test.wind.steps", out _)));
        Assert.False(metrics[2].TryGetProperty("plugins.disabled", out _));
        Assert.All(metrics.Skip(3), m => Assert.Equal(1, m.GetProperty("plugins.disabled").GetDouble()));
        Assert.Equal(Math.Exp(-0.1 * Frames), metrics[^1].GetProperty("decay.total").GetDouble(), 12);
        Assert.Contains("PML0801", File.ReadAllText(Path.Combine(output, "report.md")));
    }

    [Fact]
    public void A_scene_that_says_stop_ends_the_run_with_PML0007_and_a_complete_summary()
    {
        using var temp = new TempDirectory();
        var faulting = TestPluginCompiler.Faulting(temp.Sub("wind"), "test.wind", throwFromStep: 3);
        var output = temp.Sub("run");

        var run = CliRun.Of("run", Scene(temp, "stop"), "--plugin", SamplePlugins.Dll(SamplePlugins.Decay), "--plugin", faulting, "--out", output);

        Assert.Equal(ExitCodes.Internal, run.ExitCode);
        Assert.Contains("PML0007", run.Error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.Equal("failed", summary.RootElement.GetProperty("status").GetString());
        Assert.Equal(ErrorCodes.SystemFailed, summary.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("system 'test.wind.step' of plugin 'test.wind'", summary.RootElement.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(3, File.ReadAllLines(Path.Combine(output, "metrics.jsonl")).Length); // frames 1-3 done before the failure
    }
}
