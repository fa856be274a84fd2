using System.Text.Json;

namespace PhysML.Cli.Tests;

/// <summary><c>physml bench training</c> on a small scene: both runs are measured and summarised, the JSON holds every
/// frame with the trainer's phases, and a scene that does not train is refused with a clear message.</summary>
public class BenchTrainingTests
{
    private static readonly string Model = Path.Combine(AppContext.BaseDirectory, "models", "mg-learned-2d.ckpt");

    private static string Scene(TempDirectory temp, bool online) => temp.File("train.scene.json", $$"""
        {
          "name": "train", "plugins": ["fluid", "learnedPressure"], "seed": 5,
          "time": { "dt": 0.02, "frames": 4 },
          "entities": [
            { "name": "tank", "components": { "fluidDomain": {
                "nx": 24, "ny": 24, "cellSize": 0.0416666666666667,
                "buoyancy": { "densityFactor": 0.5 },
                "pressureModel": {{JsonSerializer.Serialize(Model)}},
                "pressureTraining": { "online": {{(online ? "true" : "false")}}, "startWatermark": 2, "stepsPerRound": 1 } } } },
            { "name": "source", "components": { "smokeEmitter": { "x": 0.5, "y": 0.15, "radius": 0.1, "densityRate": 2 } } }
          ]
        }
        """);

    [Fact]
    public void Bench_training_measures_training_off_and_on_and_writes_every_frame()
    {
        using var temp = new TempDirectory();
        var json = temp.Sub("training.json");
        var run = CliRun.Of("bench", "training", Scene(temp, online: true), "--frames", "6", "--warmup", "1", "--repeat", "1", "--json", json);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("training off (cpu): median", run.Output);
        Assert.Contains("training on (cpu): median", run.Output);
        Assert.Contains("worst max/median with training:", run.Output);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var runs = document.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, runs.Length);
        Assert.All(runs, r => Assert.Equal(6, r.GetProperty("frames").GetArrayLength()));
        var on = runs[1].GetProperty("frames")[0];
        Assert.True(on.GetProperty("ms").GetDouble() > 0);
        // The training run reports the frame thread's offers; the run without training has no trainer at all.
        Assert.Contains(runs[1].GetProperty("frames").EnumerateArray(), f => f.GetProperty("trainer_ms").GetProperty("offer").GetDouble() > 0);
        Assert.All(runs[0].GetProperty("frames").EnumerateArray(), f => Assert.Equal(0, f.GetProperty("trainer_ms").GetProperty("offer").GetDouble()));
    }

    [Fact]
    public void Bench_training_refuses_a_scene_that_does_not_train()
    {
        using var temp = new TempDirectory();
        var run = CliRun.Of("bench", "training", Scene(temp, online: false), "--frames", "2");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("needs fluidDomain.pressureModel and fluidDomain.pressureTraining with online true", run.Error);
    }
}
