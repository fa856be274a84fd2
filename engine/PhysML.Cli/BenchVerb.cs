using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Errors;
using PhysML.Scenes.Loading;
using PhysML.Scenes.Running;

namespace PhysML.Cli;

/// <summary>
/// <c>physml bench step SCENE</c>: ms per fixed step of a scene, with the phase breakdown its systems report (metrics
/// ending in <c>_ms</c>), for each thread count in the same process, and the speedup over the first. A benchmark, not a
/// test: figures depend on the machine.
/// </summary>
public static class BenchVerb
{
    public static Command Create(CliContext context)
    {
        var scene = new Argument<string>("scene") { Description = "Path to a *.scene.json file." };
        var frames = new Option<int>("--frames") { Description = "Frames measured per thread count.", DefaultValueFactory = _ => 20 };
        var warmup = new Option<int>("--warmup") { Description = "Frames run first and not measured (JIT, warm starts).", DefaultValueFactory = _ => 5 };
        var threads = new Option<string>("--threads") { Description = "Comma-separated thread counts; the first is the baseline.", DefaultValueFactory = _ => "1,2" };
        var json = new Option<string?>("--json") { Description = "Also write the figures as JSON to this file." };
        var step = new Command("step", "Time a scene's fixed step, with its phase breakdown, at several thread counts.") { scene, frames, warmup, threads, json };
        step.SetAction(parsed =>
        {
            var counts = ParseThreads(parsed.GetValue(threads)!);
            var (f, w) = (parsed.GetValue(frames), parsed.GetValue(warmup));
            if (f < 1 || w < 0) throw new PhysMLException(ErrorCodes.InvalidArgument, ErrorCategory.BadInput, "--frames must be >= 1 and --warmup >= 0");
            var results = counts.Select(t => Measure(parsed.GetValue(scene)!, t, f, w)).ToList();
            Print(context.Output, parsed.GetValue(scene)!, results);
            if (parsed.GetValue(json) is { } path)
                File.WriteAllText(path, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
            return ExitCodes.Success;
        });
        return new Command("bench", "Benchmarks (figures, not pass/fail).") { step, BenchSolversVerb.Create(context), BenchPreconditionersVerb.Create(context), BenchViewVerb.Create(context), BenchRenderVerb.Create(context), BenchSurrogateVerb.Create(context), BenchTrainingVerb.Create(context) };
    }

    /// <summary>One thread count's figures: ms per fixed step in total and per phase.</summary>
    public sealed record StepTiming(int Threads, int Steps, double MsPerStep, IReadOnlyDictionary<string, double> PhaseMsPerStep);

    private static StepTiming Measure(string path, int threads, int frames, int warmup)
    {
        var loaded = new SceneLoader(BuiltInPlugins.Catalog()).Load(path);
        loaded.App.World.SetResource(new ComputeSettings(threads));
        var runner = new SceneRunner(loaded, new RunOptions { Frames = 0 });
        var stepsPerFrame = loaded.File.Time.StepsPerFrame;
        for (var i = 0; i < warmup; i++) runner.App.RunFrame(stepsPerFrame);
        var phases = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < frames; i++)
        {
            runner.App.RunFrame(stepsPerFrame);
            foreach (var (key, value) in runner.App.World.Resource<FrameMetrics>().Entries.Where(e => e.Key.EndsWith("_ms", StringComparison.Ordinal)))
                phases[key] = phases.GetValueOrDefault(key) + value;
        }
        var steps = frames * stepsPerFrame;
        return new StepTiming(threads, steps, clock.Elapsed.TotalMilliseconds / steps,
            phases.ToDictionary(p => p.Key, p => p.Value / steps));
    }

    private static void Print(TextWriter output, string scene, List<StepTiming> results)
    {
        var baseline = results[0].MsPerStep;
        output.WriteLine($"{Path.GetFileName(scene)}: {results[0].Steps} fixed steps per thread count, ms per step");
        var phaseNames = results.SelectMany(r => r.PhaseMsPerStep.Keys).Distinct().ToList();
        output.WriteLine(string.Join("  ", new[] { "threads", "total", "speedup" }.Concat(phaseNames).Select(h => h.PadLeft(10))));
        foreach (var r in results)
        {
            var cells = new[] { r.Threads.ToString(CultureInfo.InvariantCulture), r.MsPerStep.ToString("F2", CultureInfo.InvariantCulture),
                    (baseline / r.MsPerStep).ToString("F2", CultureInfo.InvariantCulture) + "x" }
                .Concat(phaseNames.Select(p => r.PhaseMsPerStep.GetValueOrDefault(p).ToString("F2", CultureInfo.InvariantCulture)));
            output.WriteLine(string.Join("  ", cells.Select(c => c.PadLeft(10))));
        }
    }

    private static int[] ParseThreads(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var counts = parts.Select(p => int.TryParse(p, out var n) && n >= 1 ? n : -1).ToArray();
        if (counts.Length == 0 || counts.Any(c => c < 1))
            throw new PhysMLException(ErrorCodes.InvalidArgument, ErrorCategory.BadInput, $"--threads must be positive integers separated by commas, got '{text}'");
        return counts;
    }
}
