using System.CommandLine;
using PhysML.Scenes.Loading;
using PhysML.Scenes.Recording;
using PhysML.Scenes.Running;

namespace PhysML.Cli;

/// <summary><c>physml run SCENE</c>: runs a scene headless and records it into a run directory.</summary>
public static class RunVerb
{
    public static Command Create(CliContext context)
    {
        var scene = new Argument<string>("scene") { Description = "Path to a *.scene.json file." };
        var frames = new Option<int?>("--frames") { Description = "Frames to run (default: the scene's time.frames)." };
        var output = new Option<string?>("--out") { Description = "Output directory (default: runs/<scene>-<timestamp>)." };
        var seed = new Option<int?>("--seed") { Description = "Random seed (default: the scene's seed)." };
        var dump = new Option<string?>("--dump") { Description = "Comma-separated fields to write as fields/<name>_<frame>.npy (default: the scene's output.dump; \"\" for none)." };
        var dumpEvery = new Option<int?>("--dump-every") { Description = "Dump every K-th frame (frame 0 and the last are always dumped; default: the scene's output.dumpEvery)." };
        var dumpDType = new Option<string>("--dump-dtype") { Description = "float64 or float32.", DefaultValueFactory = _ => "float64" };
        dumpDType.AcceptOnlyFromAmong("float64", "float32");
        var imageEvery = new Option<int>("--image-every") { Description = "Write frames/<frame>.png every K-th frame; 0 for none.", DefaultValueFactory = _ => 1 };
        var backend = new Option<string>("--backend") { Description = "Compute backend: cpu or vulkan.", DefaultValueFactory = _ => "cpu" };
        backend.AcceptOnlyFromAmong("cpu", "vulkan");
        var plugin = BuiltInPlugins.Option();
        var checkpointEvery = new Option<int>("--checkpoint-every")
        {
            Description = "Write checkpoints/frame-NNNNNN.ckpt every K-th frame (and on Ctrl-C and at the end), so physml resume can continue the run; 0 for none.",
            DefaultValueFactory = _ => 0,
        };

        var render = RenderOptionsParser.Create();

        var command = new Command("run", "Run a scene headless: metrics, field dumps and frames into a run directory.")
        {
            scene, frames, output, seed, dump, dumpEvery, dumpDType, imageEvery, backend, plugin, checkpointEvery,
        };
        render.AddTo(command);
        command.SetAction(parsed =>
        {
            var path = parsed.GetValue(scene)!;
            var options = new RunOptions
            {
                Frames = parsed.GetValue(frames),
                OutputDirectory = parsed.GetValue(output),
                Seed = parsed.GetValue(seed),
                Dump = parsed.GetValue(dump)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                DumpEvery = parsed.GetValue(dumpEvery),
                DumpDType = parsed.GetValue(dumpDType) == "float32" ? NpyDType.Float32 : NpyDType.Float64,
                ImageEvery = parsed.GetValue(imageEvery),
                Backend = parsed.GetValue(backend)!,
                CheckpointEvery = parsed.GetValue(checkpointEvery),
            };
            return Execute(context, path, options, parsed.GetValue(plugin), render.Parse(parsed));
        });
        return command;
    }

    private static int Execute(CliContext context, string path, RunOptions options, string[]? pluginFiles, RenderRequest? render)
    {
        var loaded = new SceneLoader(BuiltInPlugins.Catalog(path, pluginFiles)).Load(path);
        using var app = loaded.App; // releases the GPU device, if a system created one
        using var frames = render is null ? null : RenderOptionsParser.Headless(loaded, options, render);
        if (frames is not null) options = options with { FrameRenderer = frames };
        var runner = new SceneRunner(loaded, options);
        foreach (var warning in runner.Warnings) context.Error.WriteLine($"warning: {warning}");
        var directory = options.OutputDirectory ?? RunDirectory.DefaultFor(loaded.Name, DateTimeOffset.Now);

        using var cancel = new CtrlCCancellation();
        context.Output.WriteLine($"running '{loaded.Name}' for {runner.Frames} frames ({loaded.File.Time.StepsPerFrame} steps of {loaded.File.Time.Dt} s each) into {directory}");
        var result = RunProgressDisplay.Run(context, runner, directory, cancel.Token);
        Report(context, result);
        return result.Summary.ExitCode;
    }

    internal static void Report(CliContext context, RunResult result)
    {
        var s = result.Summary;
        var full = Path.GetFullPath(result.OutputDirectory);
        // Raised during the run, after the start-up warnings were printed: a disabled plugin must not pass unnoticed.
        foreach (var fault in s.PluginFaults) context.Error.WriteLine($"warning: {fault.Message}");
        if (s.Status == RunStatus.Succeeded)
        {
            context.Output.WriteLine($"run succeeded: {s.FramesCompleted} frames, {s.SimulatedTime:G4} s simulated in {s.WallSeconds:F2} s wall");
        }
        else
        {
            var code = s.Error?.Code is { } c ? $"error {c}: " : "error: ";
            context.Error.WriteLine($"run {s.Status.ToString().ToLowerInvariant()} after {s.FramesCompleted} of {s.FramesRequested} frames: {code}{s.Error?.Message}");
        }
        context.Output.WriteLine($"outputs in {full}:");
        foreach (var entry in new[] { RunDirectory.Summary, RunDirectory.Metrics, RunDirectory.Probes, PhysML.Scenes.Reporting.RunReport.Markdown,
                     PhysML.Scenes.Reporting.RunReport.Html, PhysML.Scenes.Reporting.RunReport.Plots, RunDirectory.Fields, RunDirectory.Frames,
                     PhysML.Scenes.Checkpoints.CheckpointDirectory.Name })
        {
            var at = Path.Combine(full, entry);
            if (File.Exists(at)) context.Output.WriteLine($"  {entry}");
            else if (Directory.Exists(at)) context.Output.WriteLine($"  {entry}/ ({Directory.GetFiles(at).Length} files)");
        }
        if (s.Video is { } video) context.Output.WriteLine($"video: {video}");
    }
}
