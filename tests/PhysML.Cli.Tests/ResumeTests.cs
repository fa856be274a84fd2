using System.Text.Json.Nodes;
using PhysML.Scenes.Loading;
using PhysML.Scenes.Running;

namespace PhysML.Cli.Tests;

/// <summary>
/// <c>physml resume</c> continues an interrupted run bitwise: metrics.jsonl (without the wall-clock <c>_ms</c> keys),
/// probes.csv, every field dump and every frame image equal, byte for byte, those of an uninterrupted run on the CPU.
/// The interruption is the runner's cancellation (what Ctrl-C does); a "crash" then also loses the newest checkpoint,
/// so the resume starts further back and must cut the outputs written after it.
/// </summary>
public class ResumeTests
{
    private const int Frames = 6;

    // Small copies of the shipped scenes: the same physics and features on coarser grids, so a test takes seconds.
    private static string SmallSmokePlume(TempDirectory temp) => temp.File("smoke-plume-2d.scene.json",
        File.ReadAllText(TempDirectory.Scene("smoke-plume-2d.scene.json"))
            .Replace("\"nx\": 256", "\"nx\": 48").Replace("\"ny\": 256", "\"ny\": 48").Replace("0.00390625", "0.020833333333333332"));

    private static string SmallSmoke3D(TempDirectory temp) => temp.File("smoke-obstacle-3d.scene.json",
        File.ReadAllText(TempDirectory.Scene("smoke-obstacle-3d.scene.json"))
            .Replace("\"nx\": 64, \"ny\": 64, \"nz\": 64", "\"nx\": 20, \"ny\": 20, \"nz\": 20").Replace("0.015625", "0.05"));

    private static string Heat(TempDirectory temp) => temp.File("heat-plate.scene.json", File.ReadAllText(TempDirectory.Scene("heat-plate.scene.json")));

    // A timeline on both sides of the interruption: a set and an add before it, a remove and an onward assertion after.
    internal static string HeatTimeline(TempDirectory temp) => temp.File("timeline.scene.json", """
        { "name": "tl", "plugins": ["heat", "probes"], "time": { "dt": 0.5, "frames": 6 },
          "entities": [
            { "name": "plate", "components": { "heatPlate": { "nx": 12, "ny": 10, "initial": { "kind": "uniform", "value": 300 } } } },
            { "name": "heater", "components": { "heatSource": { "x": 0.5, "y": 0.5, "radius": 0.2, "rate": 4 } } },
            { "name": "centre", "components": { "pointProbe": { "field": "temperature", "x": 0.5, "y": 0.5 } } } ],
          "timeline": [
            { "at": { "frame": 1 }, "set": { "path": "entities.heater.heatSource.rate", "value": 9 } },
            { "at": { "frame": 2 }, "add": { "name": "chiller", "components": { "heatSource": { "x": 0.2, "y": 0.3, "radius": 0.15, "rate": -5 } } } },
            { "at": { "frame": 2 }, "assert": { "metric": "heat.max", "op": "<", "value": 1000, "onward": true } },
            { "at": { "frame": 4 }, "remove": "heater" },
            { "at": { "frame": 5 }, "set": { "path": "entities.chiller.heatSource.rate", "value": -1 } } ] }
        """);

    private static readonly string LearnedModel = Path.Combine(AppContext.BaseDirectory, "models", "mg-learned-2d.ckpt");

    // A smoke tank solving pressure with a fixed learned model (a copy beside the scene, so a test can change it), or
    // training it online.
    internal static string LearnedTank(TempDirectory temp, string training = "")
    {
        File.Copy(LearnedModel, temp.Sub("model.ckpt"), overwrite: true);
        return temp.File("learned-tank.scene.json", $$"""
            { "name": "learned-tank", "plugins": ["fluid", "learnedPressure"], "time": { "dt": 0.02, "frames": 6 },
              "entities": [
                { "name": "tank", "components": { "fluidDomain": { "nx": 24, "ny": 24, "cellSize": 0.0416666666666667,
                    "buoyancy": { "densityFactor": 0.5 }, "pressureModel": "model.ckpt"{{training}} } } },
                { "name": "source", "components": { "smokeEmitter": { "x": 0.5, "y": 0.15, "radius": 0.1, "densityRate": 2 } } },
                { "name": "block", "components": { "boxObstacle": { "x": 0.3, "y": 0.5, "width": 0.3, "height": 0.1 } } } ] }
            """);
    }

    // Poisson re-solves after its problem changes: a change before the interruption, one in the very frame whose
    // checkpoint the resume starts from (solved only in the next frame), and one after.
    private static string PoissonTimeline(TempDirectory temp) => temp.File("poisson.scene.json", """
        { "name": "poisson", "plugins": ["poisson"], "time": { "dt": 1, "frames": 6 },
          "output": { "display": "u" },
          "entities": [ { "name": "box", "components": { "poissonProblem": { "nx": 24, "ny": 16, "width": 1.5,
              "source": { "kind": "pointCharges", "charges": [ { "x": 0.45, "y": 0.5, "charge": 1 }, { "x": 1.05, "y": 0.65, "charge": -1 } ] },
              "boundary": { "left": { "kind": "dirichlet", "value": 0 }, "right": { "kind": "dirichlet", "value": 0 },
                            "bottom": { "kind": "neumann", "value": 0 }, "top": { "kind": "neumann", "value": 0 } } } } } ],
          "timeline": [
            { "at": { "frame": 1 }, "set": { "path": "entities.box.poissonProblem.boundary.left.value", "value": 0.5 } },
            { "at": { "frame": 3 }, "set": { "path": "entities.box.poissonProblem.boundary.right.value", "value": -0.25 } },
            { "at": { "frame": 4 }, "set": { "path": "entities.box.poissonProblem.boundary.top.value", "value": 0.1 } } ] }
        """);

    public static TheoryData<string, bool> Cases() => new()
    {
        { "smoke-plume-2d", false }, { "smoke-plume-2d", true },
        { "smoke-obstacle-3d", true },
        { "heat-plate", true },
        { "timeline", false }, { "timeline", true },
        { "pressure-switch", true },
        { "learned-tank", false }, { "learned-tank", true },
        { "learned-tank-training", false }, { "learned-tank-training", true },
        { "poisson", false }, { "poisson", true },
        // The other plugins with checkpoint support, on their shipped scenes (fast enough as they are).
        { "wave-2d", true }, { "burgers-1d", true }, { "burgers-2d", true }, { "diffusion-sorption-1d", true }, { "ns-vorticity-2d", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_resumed_run_is_bitwise_identical_to_an_uninterrupted_one(string scene, bool crash)
    {
        using var temp = new TempDirectory();
        var path = scene switch
        {
            "smoke-plume-2d" => SmallSmokePlume(temp),
            "smoke-obstacle-3d" => SmallSmoke3D(temp),
            "heat-plate" => Heat(temp),
            // The switch at frame 2 is in the checkpoint the resume starts from; the resumed run must apply it again.
            "pressure-switch" => TimelineControlTests.Smoke(temp, "pressure-switch", """
                { "at": { "frame": 2 }, "pressure": { "preconditioner": "jacobi" } },
                { "at": { "frame": 3 }, "screenshot": { "name": "three" } }
                """),
            "timeline" => HeatTimeline(temp),
            "learned-tank" => LearnedTank(temp),
            "learned-tank-training" => LearnedTank(temp, DeterministicTraining),
            "poisson" => PoissonTimeline(temp),
            _ => temp.File($"{scene}.scene.json", File.ReadAllText(TempDirectory.Scene($"{scene}.scene.json"))),
        };
        var fields = scene switch
        {
            "smoke-plume-2d" or "smoke-obstacle-3d" or "pressure-switch" or "learned-tank" or "learned-tank-training" => "density,temperature,u,v,pressure",
            "heat-plate" or "timeline" => "temperature",
            "poisson" => "u,source",
            _ => string.Join(",", DeterminismTests.FieldNames(temp, $"{scene}.scene.json")),
        };
        string[] Args(string outDir) => ["--frames", $"{Frames}", "--out", outDir, "--dump", fields, "--dump-every", "1", "--image-every", "1", "--backend", "cpu"];
        var whole = CliRun.Of(["run", path, .. Args(temp.Sub("whole"))]);
        Assert.True(whole.ExitCode == 0, whole.ToString());

        // Checkpoints every 2 frames; cancelled after frame 3, which writes one more (frames 2 and 3).
        var cancelled = RunCancelledAfter(path, temp.Sub("resumed"), fields, afterFrame: 3, checkpointEvery: 2);
        Assert.Equal(RunStatus.Cancelled, cancelled.Status);
        Assert.True(File.Exists(Path.Combine(temp.Sub("resumed"), "checkpoints", "frame-000003.ckpt")));
        if (crash)
        {
            // As if the process died after writing frame 3's outputs but before its checkpoint.
            File.Delete(Path.Combine(temp.Sub("resumed"), "checkpoints", "frame-000003.ckpt"));
        }

        var resumed = CliRun.Of("resume", temp.Sub("resumed"));

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains($"resuming '{scene switch { "timeline" => "tl", "learned-tank-training" => "learned-tank", _ => scene }}' from frame {(crash ? 2 : 3)} to frame {Frames}", resumed.Output);
        AssertSameOutputs(temp.Sub("whole"), temp.Sub("resumed"));
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(temp.Sub("resumed"), "summary.json")))!;
        Assert.Equal("succeeded", summary["status"]!.GetValue<string>());
        Assert.Equal(crash ? 2 : 3, summary["resumed_from_frame"]!.GetValue<int>());
    }

    // Training every 2 frames from a watermark of 2 samples, with held-out samples early enough to validate the first
    // round: its adoption (reported in frame 3) is in the checkpoint of frame 3, and the next round's (frame 5) comes
    // after it; resumed from frame 2, both come after. The small learning rate makes the second candidate validate.
    private const string DeterministicTraining = """, "pressureTraining": { "online": true, "deterministic": true, "everyFrames": 2, "startWatermark": 2, "heldOutEvery": 3, "heldOutSize": 2, "stepsPerRound": 2, "learningRate": 0.0003, "seed": 4 }""";

    [Fact]
    public void Deterministic_online_training_adopts_models_on_both_sides_of_the_checkpoint_a_resume_starts_from()
    {
        // The bitwise comparison is the theory's learned-tank-training case; this checks it compares a run that trains.
        using var temp = new TempDirectory();
        var run = CliRun.Of("run", LearnedTank(temp, DeterministicTraining), "--frames", $"{Frames}", "--out", temp.Sub("out"), "--image-every", "0");
        Assert.True(run.ExitCode == 0, run.ToString());
        var metrics = File.ReadAllLines(Path.Combine(temp.Sub("out"), "metrics.jsonl")).Select(l => JsonNode.Parse(l)!).ToArray();
        double At(int frame, string key) => metrics[frame - 1][key]!.GetValue<double>();
        Assert.True(At(3, "train.rounds") >= 1 && At(3, "model.version") >= 2, "no adoption by frame 3");
        Assert.True(At(Frames, "train.rounds") > At(3, "train.rounds") && At(Frames, "model.version") > At(3, "model.version"),
            $"no adoption after frame 3: version {At(3, "model.version")} → {At(Frames, "model.version")}");
    }

    [Fact]
    public void A_finished_run_is_not_resumed_but_can_be_extended_with_frames()
    {
        using var temp = new TempDirectory();
        var path = HeatTimeline(temp);
        string[] Args(string outDir, int frames) => ["--frames", $"{frames}", "--out", outDir, "--dump", "temperature", "--dump-every", "1", "--image-every", "0"];
        Assert.Equal(0, CliRun.Of(["run", path, .. Args(temp.Sub("whole"), Frames)]).ExitCode);
        Assert.Equal(0, CliRun.Of(["run", path, .. Args(temp.Sub("short"), 4), "--checkpoint-every", "3"]).ExitCode);

        var again = CliRun.Of("resume", temp.Sub("short"));
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("error PML0604: the run in", again.Error);
        Assert.Contains("already finished all 4 frames; nothing to resume. To run it further, give --frames N with N > 4", again.Error);

        // The run's last frame is always checkpointed, so it continues from frame 4.
        var extended = CliRun.Of("resume", temp.Sub("short"), "--frames", $"{Frames}");
        Assert.True(extended.ExitCode == 0, extended.ToString());
        Assert.Contains("from frame 4 to frame 6", extended.Output);
        AssertSameOutputs(temp.Sub("whole"), temp.Sub("short"));
    }

    [Fact]
    public void A_corrupt_or_truncated_checkpoint_is_skipped_with_a_warning_and_none_usable_is_PML0603()
    {
        using var temp = new TempDirectory();
        var path = HeatTimeline(temp);
        Assert.Equal(0, CliRun.Of("run", path, "--frames", $"{Frames}", "--out", temp.Sub("whole"), "--image-every", "0").ExitCode);
        var run = temp.Sub("run");
        RunCancelledAfter(path, run, "", afterFrame: 5, checkpointEvery: 2, imageEvery: 0);
        var checkpoints = Path.Combine(run, "checkpoints");
        Assert.Equal(["frame-000002.ckpt", "frame-000004.ckpt", "frame-000005.ckpt"], Directory.GetFiles(checkpoints).Select(Path.GetFileName).Order());
        var newest = Path.Combine(checkpoints, "frame-000005.ckpt");
        var bytes = File.ReadAllBytes(newest);
        bytes[bytes.Length / 2] ^= 0x40;                                        // one flipped bit
        File.WriteAllBytes(newest, bytes);
        var middle = Path.Combine(checkpoints, "frame-000004.ckpt");
        File.WriteAllBytes(middle, File.ReadAllBytes(middle)[..200]);           // cut short

        var resumed = CliRun.Of("resume", run);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("warning: checkpoint frame-000005.ckpt is corrupted: its SHA-256 does not match its content; skipped", resumed.Error);
        Assert.Contains("warning: checkpoint frame-000004.ckpt is truncated or padded", resumed.Error);
        Assert.Contains("from frame 2 to frame 6", resumed.Output);
        Assert.Equal(Metrics(temp.Sub("whole")), Metrics(run));

        foreach (var file in Directory.GetFiles(checkpoints)) File.WriteAllText(file, "not a checkpoint");
        File.WriteAllText(Path.Combine(run, "summary.json"), """{ "status": "cancelled", "frames_completed": 3 }""");
        var none = CliRun.Of("resume", run);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("error PML0603: no usable checkpoint in", none.Error);
        Assert.Contains("is not a PhysML run checkpoint (no PMLCKPT1 header)", none.Error);
    }

    [Fact]
    public void A_scene_with_state_that_cannot_be_checkpointed_is_refused_before_anything_runs()
    {
        using var temp = new TempDirectory();

        // Background online training: the resource supports checkpoints of a fixed model and of deterministic training
        // only, and says why it refuses this one.
        var training = LearnedTank(temp, """, "pressureTraining": { "online": true, "deterministic": false }""");

        var run = CliRun.Of("run", training, "--out", temp.Sub("out"), "--checkpoint-every", "5");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error PML0602: --checkpoint-every: scene 'learned-tank' cannot be checkpointed: resource LearnedPressureStatus " +
                        "(PhysML.Fluids: background online training (a thread's timing decides which samples each round saw, so no resume can repeat it; " +
                        "\"deterministic\": true trains at frame boundaries and can be checkpointed); a fixed pressureModel can be too) " +
                        "holds run state without checkpoint support", run.Error);
        Assert.False(Directory.Exists(temp.Sub("out")));
    }

    [Fact]
    public void A_learned_model_changed_since_the_checkpoint_is_PML0605()
    {
        using var temp = new TempDirectory();
        var path = LearnedTank(temp);
        RunCancelledAfter(path, temp.Sub("run"), "", afterFrame: 2, checkpointEvery: 2, imageEvery: 0);
        var model = temp.Sub("model.ckpt");
        // Another file content that still loads (the header's JSON re-spaced, same length): only the hash can tell.
        var bytes = File.ReadAllBytes(model);
        var at = bytes.AsSpan().IndexOf("1,\n  \"kind\""u8);
        Assert.True(at > 0, "the model header's layout changed; adjust this test");
        "1, \n \"kind\""u8.CopyTo(bytes.AsSpan(at));
        File.WriteAllBytes(model, bytes);
        var changed = CliRun.Of("resume", temp.Sub("run"));
        Assert.Equal(2, changed.ExitCode);
        Assert.Contains($"error PML0605: pressure model {model} changed since the checkpoint was written", changed.Error);
    }

    [Fact]
    public void A_changed_scene_file_or_a_directory_without_a_run_or_checkpoints_is_refused()
    {
        using var temp = new TempDirectory();
        var path = HeatTimeline(temp);
        RunCancelledAfter(path, temp.Sub("run"), "", afterFrame: 2, checkpointEvery: 2, imageEvery: 0);
        Assert.Equal(0, CliRun.Of("run", path, "--frames", "2", "--out", temp.Sub("plain"), "--image-every", "0").ExitCode);
        File.AppendAllText(path, "\n");

        var changed = CliRun.Of("resume", temp.Sub("run"));
        var notRun = CliRun.Of("resume", temp.Path);
        var plain = CliRun.Of("resume", temp.Sub("plain"), "--frames", "4");

        Assert.Equal(2, changed.ExitCode);
        Assert.Contains($"error PML0605: scene file {path} changed since checkpoint frame 2 was written", changed.Error);
        Assert.Contains("error PML0604: ", notRun.Error);
        Assert.Contains("is not a run directory (it has no summary.json)", notRun.Error);
        Assert.Contains("holds no checkpoints (checkpoints/frame-NNNNNN.ckpt): the run was started without --checkpoint-every K", plain.Error);
    }

    // Runs in-process and cancels as the given frame is reported, as Ctrl-C does: the frame finishes, then the run
    // writes its checkpoint and stops.
    private static RunSummary RunCancelledAfter(string scene, string outDir, string fields, int afterFrame, int checkpointEvery, int imageEvery = 1)
    {
        var loaded = new SceneLoader(BuiltInPlugins.Catalog()).Load(scene);
        using var app = loaded.App;
        var runner = new SceneRunner(loaded, new RunOptions
        {
            Frames = Frames, Dump = fields.Split(',', StringSplitOptions.RemoveEmptyEntries), DumpEvery = 1, ImageEvery = imageEvery,
            CheckpointEvery = checkpointEvery,
        });
        using var cancel = new CancellationTokenSource();
        return runner.Run(outDir, new CancelAt(afterFrame, cancel), cancel.Token).Summary;
    }

    private sealed class CancelAt(int frame, CancellationTokenSource cancel) : IProgress<RunProgress>
    {
        public void Report(RunProgress value)
        {
            if (value.Frame == frame) cancel.Cancel();
        }
    }

    private static void AssertSameOutputs(string expected, string actual)
    {
        Assert.Equal(Metrics(expected), Metrics(actual));
        var probes = Path.Combine(expected, "probes.csv");
        Assert.Equal(File.Exists(probes), File.Exists(Path.Combine(actual, "probes.csv")));
        if (File.Exists(probes)) Assert.Equal(File.ReadAllBytes(probes), File.ReadAllBytes(Path.Combine(actual, "probes.csv")));
        foreach (var folder in new[] { "fields", "frames", "screenshots" })
        {
            var dir = Path.Combine(expected, folder);
            if (!Directory.Exists(dir)) continue;
            var names = Directory.GetFiles(dir).Select(Path.GetFileName).Order().ToArray();
            Assert.Equal(names, Directory.GetFiles(Path.Combine(actual, folder)).Select(Path.GetFileName).Order());
            foreach (var name in names)
                Assert.True(File.ReadAllBytes(Path.Combine(dir, name!)).SequenceEqual(File.ReadAllBytes(Path.Combine(actual, folder, name!))), $"{folder}/{name} differs");
        }
    }

    // The _ms keys are wall times; every other value must match to the bit.
    private static string[] Metrics(string directory) => DeterminismTests.MetricsWithoutTimes(directory);
}
