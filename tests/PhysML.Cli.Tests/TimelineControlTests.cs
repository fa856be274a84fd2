using System.Text.Json;

namespace PhysML.Cli.Tests;

/// <summary>The timeline's run-time controls: switching the pressure solve, stopping and starting online training,
/// screenshots; each checked at load (PML0108 at its JSON path) and each taking effect from the frame after its own.</summary>
public class TimelineControlTests
{
    // A small smoke box (24² cells) whose pressure solve starts on multigrid.
    internal static string Smoke(TempDirectory temp, string name, string timeline) => temp.File($"{name}.scene.json", $$"""
        { "name": "{{name}}", "plugins": ["fluid"], "seed": 2, "time": { "dt": 0.02, "frames": 5 },
          "output": { "display": "density", "range": [0, 1] },
          "entities": [
            { "name": "box", "components": { "fluidDomain": { "nx": 24, "ny": 24, "cellSize": 0.0416666666666667,
                "buoyancy": { "densityFactor": 0.5 }, "pressurePreconditioner": "multigrid", "pressureTolerance": 1e-8 } } },
            { "name": "source", "components": { "smokeEmitter": { "x": 0.5, "y": 0.15, "radius": 0.1, "densityRate": 2, "velocityY": 0.5 } } } ],
          "timeline": [ {{timeline}} ] }
        """);

    private static List<Dictionary<string, double>> Metrics(string run) =>
        File.ReadAllLines(Path.Combine(run, "metrics.jsonl")).Select(line =>
            JsonDocument.Parse(line).RootElement.EnumerateObject()
                .Where(p => !p.Name.EndsWith("_ms", StringComparison.Ordinal))
                .ToDictionary(p => p.Name, p => p.Value.GetDouble())).ToList();

    [Fact]
    public void A_pressure_switch_changes_the_solver_from_the_next_frame_on()
    {
        using var temp = new TempDirectory();
        var plain = CliRun.Of("run", Smoke(temp, "plain", ""), "--out", temp.Sub("plain"), "--image-every", "0");
        var switched = CliRun.Of("run", Smoke(temp, "switched", """
            { "at": { "frame": 2 }, "pressure": { "preconditioner": "none", "backend": "cpu" } }
            """), "--out", temp.Sub("switched"), "--image-every", "0");
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.True(switched.ExitCode == 0, switched.ToString());

        var (a, b) = (Metrics(temp.Sub("plain")), Metrics(temp.Sub("switched")));
        Assert.Equal(JsonSerializer.Serialize(a[..2]), JsonSerializer.Serialize(b[..2]));   // frames 1, 2: multigrid in both
        // Frames 3-5: unpreconditioned CG needs several times multigrid-PCG's iterations on the same 24² system.
        for (var f = 2; f < 5; f++)
            Assert.True(b[f]["solve.iterations"] > 2 * a[f]["solve.iterations"], $"frame {f + 1}: {b[f]["solve.iterations"]} vs {a[f]["solve.iterations"]}");
        Assert.All(b, m => Assert.True(m["fluid.relative_divergence"] < 1e-4));
    }

    [Fact]
    public void A_screenshot_writes_the_frame_s_picture_under_its_name()
    {
        using var temp = new TempDirectory();
        var run = CliRun.Of("run", Smoke(temp, "shots", """
            { "at": { "frame": 2 }, "screenshot": { "name": "plume-early" } },
            { "at": { "frame": 4 }, "screenshot": {} }
            """), "--out", temp.Sub("out"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var shots = Path.Combine(temp.Sub("out"), "screenshots");
        Assert.Equal(["frame-000004.png", "plume-early.png"], Directory.GetFiles(shots).Select(Path.GetFileName).Order());
        // The same picture as the frame's own image: one drawing path.
        Assert.Equal(File.ReadAllBytes(Path.Combine(temp.Sub("out"), "frames", "000002.png")), File.ReadAllBytes(Path.Combine(shots, "plume-early.png")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(temp.Sub("out"), "frames", "000004.png")), File.ReadAllBytes(Path.Combine(shots, "frame-000004.png")));
    }

    [Fact]
    public void Training_stops_and_starts_taking_samples()
    {
        using var temp = new TempDirectory();
        var model = JsonSerializer.Serialize(Path.Combine(AppContext.BaseDirectory, "models", "mg-learned-2d.ckpt"));
        var scene = temp.File("train.scene.json", $$"""
            { "name": "train", "plugins": ["fluid", "learnedPressure"], "seed": 5, "time": { "dt": 0.02, "frames": 5 },
              "entities": [
                { "name": "tank", "components": { "fluidDomain": { "nx": 24, "ny": 24, "cellSize": 0.0416666666666667,
                    "buoyancy": { "densityFactor": 0.5 }, "pressureModel": {{model}},
                    "pressureTraining": { "online": true, "deterministic": true, "everyFrames": 2, "startWatermark": 2, "seed": 4 } } } },
                { "name": "source", "components": { "smokeEmitter": { "x": 0.5, "y": 0.15, "radius": 0.1, "densityRate": 2 } } } ],
              "timeline": [
                { "at": { "frame": 0 }, "training": "stop" },
                { "at": { "frame": 3 }, "training": "start" } ] }
            """);

        var run = CliRun.Of("run", scene, "--out", temp.Sub("out"), "--image-every", "0");

        Assert.True(run.ExitCode == 0, run.ToString());
        var samples = Metrics(temp.Sub("out")).Select(m => m["train.samples"]).ToArray();
        Assert.Equal([0, 0, 0], samples[..3]);                 // stopped before the first step
        Assert.True(samples[3] > 0 && samples[4] > samples[3], string.Join(", ", samples)); // one sample per solve from frame 4 on
    }

    [Fact]
    public void Unknown_solver_names_backends_training_without_a_model_and_bad_names_are_refused_before_anything_runs()
    {
        using var temp = new TempDirectory();
        var scene = Smoke(temp, "bad", """
            { "at": { "frame": 1 }, "pressure": { "preconditioner": "ilu" } },
            { "at": { "frame": 1 }, "pressure": { "backend": "cuda" } },
            { "at": { "frame": 1 }, "pressure": { } },
            { "at": { "frame": 2 }, "training": "start" },
            { "at": { "frame": 2 }, "screenshot": { "name": "../escape" } }
            """);

        var run = CliRun.Of("run", scene, "--out", temp.Sub("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error PML0108: $.timeline[0].pressure.preconditioner: unknown preconditioner 'ilu'; known: none, jacobi, mic0, multigrid", run.Error);
        Assert.Contains("error PML0108: $.timeline[1].pressure.backend: unknown backend 'cuda'; known: cpu, vulkan, auto", run.Error);
        Assert.Contains("error PML0108: $.timeline[2].pressure: give preconditioner, backend or both", run.Error);
        Assert.Contains("error PML0108: $.timeline[3].training: fluidDomain has no pressureModel: there is no learned model to train", run.Error);
        Assert.Contains("error PML0108: $.timeline[4].screenshot.name: '../escape' is not a plain file name", run.Error);
        Assert.False(Directory.Exists(temp.Sub("out")));

        var heat = temp.File("heat.scene.json", """
            { "name": "h", "plugins": ["heat"], "time": { "dt": 0.5, "frames": 2 },
              "entities": [ { "name": "plate", "components": { "heatPlate": { "nx": 8, "ny": 8 } } } ],
              "timeline": [ { "at": { "frame": 1 }, "pressure": { "preconditioner": "mic0" } }, { "at": { "frame": 1 }, "training": "pause" } ] }
            """);
        var noFluid = CliRun.Of("run", heat, "--out", temp.Sub("heat"));
        Assert.Equal(2, noFluid.ExitCode);
        Assert.Contains("PML0102", noFluid.Error);                // "pause" is not start or stop: the file's schema
        Assert.Contains("training", noFluid.Error);
    }

    [Fact]
    public void A_pressure_event_in_a_scene_without_a_pressure_solve_is_refused()
    {
        using var temp = new TempDirectory();
        var heat = temp.File("heat.scene.json", """
            { "name": "h", "plugins": ["heat"], "time": { "dt": 0.5, "frames": 2 },
              "entities": [ { "name": "plate", "components": { "heatPlate": { "nx": 8, "ny": 8 } } } ],
              "timeline": [ { "at": { "frame": 1 }, "pressure": { "preconditioner": "mic0" } } ] }
            """);

        var run = CliRun.Of("run", heat, "--out", temp.Sub("heat"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error PML0108: $.timeline[0].pressure: no plugin of this scene has a pressure solve to switch (the fluid plugin has)", run.Error);
    }
}
