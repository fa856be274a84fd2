using System.Text.Json;
using System.Text.Json.Nodes;

namespace PhysML.Cli.Tests;

/// <summary>
/// The same scene, seed and CPU backend give bitwise identical metrics.jsonl and field dumps. metrics.jsonl does hold
/// wall-clock figures: every key ending in <c>_ms</c> (<c>step_ms</c>, the fluid's phase times such as
/// <c>fluid.project_ms</c>); they are removed before comparing, and every other value must match to the bit.
/// </summary>
public class DeterminismTests
{
    public static TheoryData<string> Scenes() => SceneSmokeTests.Scenes();

    [Theory]
    [MemberData(nameof(Scenes))]
    public void Two_runs_of_a_shipped_scene_write_identical_metrics_and_fields(string scene)
    {
        using var temp = new TempDirectory();
        var fields = string.Join(",", FieldNames(temp, scene));

        var (a, b) = (Run(temp, scene, "a", fields), Run(temp, scene, "b", fields));

        Assert.Equal(MetricsWithoutTimes(a), MetricsWithoutTimes(b));
        var dumps = Directory.GetFiles(Path.Combine(a, "fields")).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(fields.Split(',').Length * 3, dumps.Length); // frames 0, 1, 2
        Assert.Equal(dumps, Directory.GetFiles(Path.Combine(b, "fields")).Select(Path.GetFileName).Order());
        foreach (var dump in dumps)
            Assert.True(File.ReadAllBytes(Path.Combine(a, "fields", dump!)).SequenceEqual(File.ReadAllBytes(Path.Combine(b, "fields", dump!))), $"{scene}: {dump} differs");
    }

    [Fact]
    public void Another_seed_gives_another_random_initial_state()
    {
        using var temp = new TempDirectory();
        var scene = TempDirectory.Scene("ns-vorticity-2d.scene.json");
        foreach (var seed in new[] { "1", "2" })
            Assert.Equal(0, CliRun.Of("run", scene, "--frames", "1", "--seed", seed, "--out", temp.Sub(seed), "--image-every", "0").ExitCode);

        Assert.NotEqual(MetricsWithoutTimes(temp.Sub("1")), MetricsWithoutTimes(temp.Sub("2")));
    }

    // Every field the scene registers, as a 0-frame run's summary lists them.
    internal static string[] FieldNames(TempDirectory temp, string scene)
    {
        var run = CliRun.Of("run", TempDirectory.Scene(scene), "--frames", "0", "--out", temp.Sub("fields"), "--dump", "", "--image-every", "0");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Sub("fields"), "summary.json")));
        return summary.RootElement.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!).ToArray();
    }

    private static string Run(TempDirectory temp, string scene, string name, string fields)
    {
        var run = CliRun.Of("run", TempDirectory.Scene(scene), "--frames", "2", "--out", temp.Sub(name), "--dump", fields, "--dump-every", "1", "--image-every", "0", "--backend", "cpu");
        Assert.True(run.ExitCode == 0, run.ToString());
        return temp.Sub(name);
    }

    // Numbers keep the text they were written with, so equal strings are equal bits.
    internal static string[] MetricsWithoutTimes(string directory) => File.ReadAllLines(Path.Combine(directory, "metrics.jsonl")).Select(line =>
    {
        var json = JsonNode.Parse(line)!.AsObject();
        foreach (var key in json.Select(p => p.Key).Where(k => k.EndsWith("_ms", StringComparison.Ordinal)).ToList()) json.Remove(key);
        return json.ToJsonString();
    }).ToArray();
}
