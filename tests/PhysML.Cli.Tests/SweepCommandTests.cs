using System.Text.Json;

namespace PhysML.Cli.Tests;

/// <summary><c>physml sweep</c>: the grid of variants, each in its own run directory, sweep.csv and a comparison plot;
/// bad parameters refused before anything runs; finished variants not rerun.</summary>
public class SweepCommandTests
{
    private const string Scene = """
        { "name": "plate", "plugins": ["heat"], "time": { "dt": 0.5, "frames": 3 },
          "entities": [
            { "name": "plate", "components": { "heatPlate": { "nx": 8, "ny": 8, "initial": { "kind": "uniform", "value": 300 } } } },
            { "name": "heater", "components": { "heatSource": { "x": 0.5, "y": 0.5, "radius": 0.2 } } } ] }
        """;

    private static string Started(string runDirectory) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(runDirectory, "summary.json"))).RootElement.GetProperty("started_utc").GetString()!;

    [Fact]
    public void A_sweep_runs_the_grid_and_writes_sweep_csv_and_a_comparison_plot()
    {
        using var temp = new TempDirectory();
        var scene = temp.File("plate.scene.json", Scene);
        var outDir = temp.Sub("sweep");

        var run = CliRun.Of("sweep", scene, "--param", "entities.heater.heatSource.rate=1,4", "--param", "entities.plate.heatPlate.scheme=implicit,explicit",
            "--frames", "2", "--parallel", "2", "--out", outDir, "--plot", "heat.mean");

        Assert.True(run.ExitCode == 0, run.ToString());
        var names = new[] { "rate=1_scheme=implicit", "rate=1_scheme=explicit", "rate=4_scheme=implicit", "rate=4_scheme=explicit" };
        foreach (var name in names)
        {
            Assert.Contains($"{name}: succeeded, 2 frames", run.Output);
            Assert.Equal(2, File.ReadAllLines(Path.Combine(outDir, name, "metrics.jsonl")).Length);
        }
        var csv = File.ReadAllLines(Path.Combine(outDir, "sweep.csv"));
        var header = csv[0].Split(',');
        Assert.Equal(new[] { "variant", "entities.heater.heatSource.rate", "entities.plate.heatPlate.scheme", "status", "exit_code", "frames_completed", "wall_seconds" }, header[..7]);
        Assert.Contains("heat.mean.last", header);
        Assert.Equal(names, csv.Skip(1).Select(row => row.Split(',')[0]));
        Assert.StartsWith("rate=4_scheme=explicit,4,explicit,succeeded,0,2,", csv[4]);
        // The heater's rate shows in the metrics: 4 K/s heats more than 1 K/s.
        double LastMean(string row) => double.Parse(row.Split(',')[Array.IndexOf(header, "heat.mean.last")], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(LastMean(csv[3]) > LastMean(csv[1]));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(Path.Combine(outDir, "sweep-heat.mean.png"))[..4]);
        Assert.True(File.Exists(Path.Combine(outDir, "scenes", "rate=4_scheme=explicit.scene.json")));
    }

    [Fact]
    public void A_resumed_sweep_runs_only_the_variants_without_a_finished_run()
    {
        using var temp = new TempDirectory();
        var scene = temp.File("plate.scene.json", Scene);
        var outDir = temp.Sub("sweep");
        string[] Sweep(params string[] more) => new[] { "sweep", scene, "--param", "seed=1,2,3", "--out", outDir }.Concat(more).ToArray();
        Assert.Equal(0, CliRun.Of(Sweep()).ExitCode);
        var (first, second, third) = (Path.Combine(outDir, "seed=1"), Path.Combine(outDir, "seed=2"), Path.Combine(outDir, "seed=3"));
        var firstStarted = Started(first);
        // As an interrupted sweep leaves them: one variant still "running", one never started.
        var summary = Path.Combine(second, "summary.json");
        File.WriteAllText(summary, File.ReadAllText(summary).Replace("\"status\": \"succeeded\"", "\"status\": \"running\""));
        Directory.Delete(third, recursive: true);

        var resumed = CliRun.Of(Sweep());

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("seed=1: already finished, not rerun", resumed.Output);
        Assert.Contains("seed=2: succeeded", resumed.Output);
        Assert.Contains("seed=3: succeeded", resumed.Output);
        Assert.Equal(firstStarted, Started(first));
        Assert.Equal(4, File.ReadAllLines(Path.Combine(outDir, "sweep.csv")).Length);

        // A different frame count is a different run: nothing finished is reused.
        var longer = CliRun.Of(Sweep("--frames", "4"));
        Assert.True(longer.ExitCode == 0, longer.ToString());
        Assert.DoesNotContain("not rerun", longer.Output);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(first, "metrics.jsonl")).Length);
    }

    [Theory]
    [InlineData("entities.heater.heatSource.rat=1,2", "--param entities.heater.heatSource.rat=1: unknown field 'rat'; known fields: radius, rate, x, y ($.entities[1].components.heatSource.rat)")]
    [InlineData("entities.heater.heatSource.rate=1,hot", "--param entities.heater.heatSource.rate=hot: invalid value: expected a number ($.entities[1].components.heatSource.rate)")]
    [InlineData("entities.heater.heatSource.radius=0.1,-1", "--param entities.heater.heatSource.radius=-1: must be a positive finite number, got -1 ($.entities[1].components.heatSource.radius)")]
    [InlineData("entities.heatr.heatSource.rate=1", "--param entities.heatr.heatSource.rate: no entity named 'heatr'; named entities: plate, heater")]
    [InlineData("entities.heater.heatPlate.nx=8", "--param entities.heater.heatPlate.nx: entity 'heater' has no component 'heatPlate'; it has: heatSource")]
    [InlineData("time.dtt=1", "--param time.dtt=1: unknown field 'dtt'; known fields: dt, frames, stepsPerFrame ($.time.dtt)")]
    [InlineData("seed", "--param 'seed': expected PATH=V1,V2,...")]
    public void Bad_parameters_are_refused_before_any_variant_runs(string parameter, string message)
    {
        using var temp = new TempDirectory();
        var outDir = temp.Sub("sweep");

        var run = CliRun.Of("sweep", temp.File("plate.scene.json", Scene), "--param", parameter, "--out", outDir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error PML0107: {message}", run.Error);
        Assert.False(Directory.Exists(outDir));
    }
}
