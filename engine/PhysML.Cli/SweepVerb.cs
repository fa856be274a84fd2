using System.CommandLine;
using PhysML.Core.Errors;
using PhysML.Scenes.Loading;
using PhysML.Scenes.Running;
using PhysML.Scenes.Sweeps;

namespace PhysML.Cli;

/// <summary>
/// <c>physml sweep SCENE --param PATH=V1,V2,…</c>: runs every combination of the values, each into its own run
/// directory named after them, then writes <c>sweep.csv</c> and a comparison plot. Every variant is loaded (and so
/// checked) before the first runs. Resumable: a variant whose directory holds a finished run of as many frames is not
/// run again, so rerunning an interrupted sweep with the same <c>--out</c> finishes it.
/// </summary>
public static class SweepVerb
{
    public static Command Create(CliContext context)
    {
        var scene = new Argument<string>("scene") { Description = "Path to a *.scene.json file." };
        var parameters = new Option<string[]>("--param")
        {
            Description = "PATH=V1,V2,... (repeatable): entities.NAME.COMPONENT.FIELD or a scene setting such as seed or time.dt.",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var parallel = new Option<int>("--parallel") { Description = "Variants run at once.", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out") { Description = "Sweep directory (default: sweeps/<scene>-<timestamp>); give an earlier one to resume it." };
        var frames = new Option<int?>("--frames") { Description = "Frames per variant (default: the scene's time.frames)." };
        var imageEvery = new Option<int>("--image-every") { Description = "Write frames/<frame>.png every K-th frame; 0 (the default) for none.", DefaultValueFactory = _ => 0 };
        var plot = new Option<string?>("--plot") { Description = "Comma-separated metrics to compare in sweep-METRIC.png (default: the first metric that is not a time)." };
        var plugin = BuiltInPlugins.Option();
        var command = new Command("sweep", "Run a scene for every combination of parameter values; sweep.csv and a comparison plot.")
        {
            scene, parameters, parallel, output, frames, imageEvery, plot, plugin,
        };
        command.SetAction(parsed => Execute(context, parsed.GetValue(scene)!,
            parsed.GetValue(parameters)!.Select(SweepParameter.Parse).ToList(), parsed.GetValue(parallel), parsed.GetValue(output),
            new RunOptions { Frames = parsed.GetValue(frames), ImageEvery = parsed.GetValue(imageEvery) },
            parsed.GetValue(plot)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), parsed.GetValue(plugin)));
        return command;
    }

    private static int Execute(CliContext context, string path, List<SweepParameter> parameters, int parallel, string? output,
        RunOptions options, IReadOnlyList<string>? plot, string[]? pluginFiles)
    {
        if (parallel < 1) throw SweepParameter.Invalid($"--parallel must be >= 1, got {parallel}");
        var loader = new SceneLoader(BuiltInPlugins.Catalog(path, pluginFiles));
        var original = loader.Load(path);
        var sceneUtf8 = File.ReadAllBytes(path);
        var variants = SceneVariants.Grid(sceneUtf8, parameters);
        foreach (var variant in variants) Check(loader, path, sceneUtf8, parameters, variant);

        var directory = output ?? Path.Combine("sweeps", $"{original.Name}-{DateTimeOffset.Now.UtcDateTime:yyyyMMdd-HHmmss}");
        Directory.CreateDirectory(Path.Combine(directory, "scenes"));
        context.Output.WriteLine($"sweeping '{original.Name}': {variants.Count} variants of {string.Join(" × ", parameters.Select(p => $"{p.Path} ({p.Values.Count})"))}, " +
                                 $"{parallel} at a time, into {directory}");
        using var cancel = new CtrlCCancellation();
        var exitCodes = new int[variants.Count];
        var console = new object();
        Parallel.ForEach(Enumerable.Range(0, variants.Count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, i =>
        {
            var variant = variants[i];
            var runDirectory = Path.Combine(directory, variant.Name);
            var scenePath = Path.Combine(directory, "scenes", variant.Name + ".scene.json");
            File.WriteAllBytes(scenePath, variant.SceneUtf8);
            var loaded = loader.Parse(scenePath, variant.SceneUtf8);
            using var app = loaded.App;
            // Numbered in grid order (sweep.csv's row order), whichever variant starts first.
            var label = $"[{i + 1}/{variants.Count}] {variant.Name}";
            if (SweepReport.IsComplete(runDirectory, options.Frames ?? loaded.File.Time.Frames))
            {
                lock (console) context.Output.WriteLine($"{label}: already finished, not rerun");
                exitCodes[i] = ExitCodes.Success;
                return;
            }
            if (cancel.Token.IsCancellationRequested)
            {
                exitCodes[i] = ExitCodes.Cancelled;
                return;
            }
            exitCodes[i] = RunVariant(context, console, label, loaded, options, runDirectory, parallel == 1, cancel.Token);
        });

        var plots = SweepReport.Write(directory, parameters, variants, plot);
        var full = Path.GetFullPath(directory);
        context.Output.WriteLine($"outputs in {full}:");
        context.Output.WriteLine($"  {SweepReport.Csv}");
        foreach (var file in plots) context.Output.WriteLine($"  {file}");
        var failed = exitCodes.Select((code, i) => (code, i)).Where(c => c.code != 0).ToList();
        if (failed.Count == 0) return ExitCodes.Success;
        context.Error.WriteLine($"{failed.Count} of {variants.Count} variants did not succeed: {string.Join(", ", failed.Select(f => $"{variants[f.i].Name} (exit {f.code})"))}");
        return exitCodes.Contains(ExitCodes.Cancelled) ? ExitCodes.Cancelled : failed[0].code;
    }

    // Loads the variant as the run will, so a wrong path or value is refused before any variant runs, naming the --param.
    private static void Check(SceneLoader loader, string path, byte[] sceneUtf8, IReadOnlyList<SweepParameter> parameters, SweepVariant variant)
    {
        try
        {
            using var app = loader.Parse(path, variant.SceneUtf8).App;
        }
        catch (SceneException e)
        {
            var first = e.Diagnostics[0];
            var culprit = parameters.FirstOrDefault(p => first.JsonPath.StartsWith(SceneVariants.JsonPath(sceneUtf8, p), StringComparison.Ordinal));
            var value = culprit is null ? "" : "=" + SweepVariant.Text(variant.Values.First(v => v.Parameter == culprit).Value);
            throw SweepParameter.Invalid(culprit is null
                ? $"variant {variant.Name}: {first.JsonPath}: {first.Message}"
                : $"--param {culprit.Path}{value}: {first.Message} ({first.JsonPath})");
        }
    }

    private static int RunVariant(CliContext context, object console, string label, LoadedScene loaded, RunOptions options,
        string runDirectory, bool showProgress, CancellationToken cancel)
    {
        RunResult result;
        try
        {
            var runner = new SceneRunner(loaded, options);
            lock (console) context.Output.WriteLine($"{label}: running {runner.Frames} frames into {runDirectory}");
            result = showProgress ? RunProgressDisplay.Run(context, runner, runDirectory, cancel) : runner.Run(runDirectory, null, cancel);
        }
        catch (PhysMLException e)
        {
            // Found at Startup (an unstable time step, say): this variant cannot run, the others may.
            lock (console) context.Error.WriteLine($"{label}: {e}");
            return ExitCodes.For(e.Category);
        }
        var s = result.Summary;
        lock (console)
            context.Output.WriteLine($"{label}: {s.Status.ToString().ToLowerInvariant()}, {s.FramesCompleted} frames in {s.WallSeconds:F2} s" +
                                     (s.Error is { } error ? $": error {error.Code}: {error.Message}" : ""));
        return s.ExitCode;
    }
}
