using System.Text.Json;

namespace PhysML.Cli.Tests;

/// <summary>A fluid scene training its pressure model in the loop, deterministically: rounds run, models are adopted,
/// the figures are in metrics.jsonl, and two runs are identical.</summary>
public class OnlineTrainingSceneTests
{
    private static readonly string Model = Path.Combine(AppContext.BaseDirectory, "models", "mg-learned-2d.ckpt");

    /// <summary>A 24² smoke tank with an obstacle training mg-learned-2d deterministically: a round every 2 frames from
    /// frame 2. Also the scene of <see cref="VulkanOnlineTrainingTests"/>.</summary>
    internal static string Scene(TempDirectory temp, int frames = 6) => temp.File("train.scene.json", $$"""
        {
          "name": "train", "plugins": ["fluid", "learnedPressure"], "seed": 5,
          "time": { "dt": 0.02, "frames": {{frames}} },
          "entities": [
            { "name": "tank", "components": { "fluidDomain": {
                "nx": 24, "ny": 24, "cellSize": 0.0416666666666667,
                "buoyancy": { "densityFactor": 0.5 },
                "pressureModel": {{JsonSerializer.Serialize(Model)}},
                "pressureTraining": { "online": true, "deterministic": true, "everyFrames": 2, "startWatermark": 2,
                                      "heldOutEvery": 3, "heldOutSize": 2, "stepsPerRound": 2, "seed": 4 } } } },
            { "name": "source", "components": { "smokeEmitter": { "x": 0.5, "y": 0.15, "radius": 0.1, "densityRate": 2 } } },
            { "name": "block", "components": { "boxObstacle": { "x": 0.3, "y": 0.5, "width": 0.3, "height": 0.1 } } }
          ]
        }
        """);

    private static List<Dictionary<string, double>> Metrics(string run) =>
        File.ReadAllLines(Path.Combine(run, "metrics.jsonl")).Select(line =>
            JsonDocument.Parse(line).RootElement.EnumerateObject()
                .Where(p => !p.Name.EndsWith("_ms", StringComparison.Ordinal)) // wall time differs between runs
                .ToDictionary(p => p.Name, p => p.Value.GetDouble())).ToList();

    [Fact]
    public void Deterministic_online_training_runs_rounds_adopts_models_and_repeats_exactly()
    {
        using var temp = new TempDirectory();
        var scene = Scene(temp);
        var first = CliRun.Of("run", scene, "--out", temp.Sub("a"));
        Assert.True(first.ExitCode == 0, first.ToString());
        var metrics = Metrics(temp.Sub("a"));
        Assert.Equal(6, metrics.Count);
        Assert.True(metrics[^1]["train.rounds"] >= 2, $"rounds {metrics[^1]["train.rounds"]}");
        Assert.True(metrics[^1]["train.samples"] >= 6);
        Assert.True(metrics[^1].ContainsKey("train.loss"));
        // Every round ends in an adoption or a rejection; adoptions raise the version.
        Assert.Equal(metrics[^1]["train.rounds"], metrics[^1]["model.version"] - 1 + metrics[^1]["train.rejected"]);
        Assert.True(metrics[^1]["model.version"] >= 2, "no candidate was adopted");
        Assert.Equal(0, metrics[^1]["solve.fallbacks"]);
        Assert.All(metrics, m => Assert.True(m["fluid.relative_divergence"] < 1e-4));

        var second = CliRun.Of("run", scene, "--out", temp.Sub("b"));
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(JsonSerializer.Serialize(metrics), JsonSerializer.Serialize(Metrics(temp.Sub("b"))));
    }
}
