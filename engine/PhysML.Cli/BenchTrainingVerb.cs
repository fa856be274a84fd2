using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PhysML.Core.Diagnostics;
using PhysML.Core.Errors;
using PhysML.Fluids;
using PhysML.ML.Training;
using PhysML.Scenes.Loading;
using PhysML.Scenes.Running;
using PhysML.Solvers.Learned;

namespace PhysML.Cli;

/// <summary>
/// <c>physml bench training SCENE</c>: frame times of a scene whose learned pressure model trains in the loop, with
/// training off and on, alternating in the same process (so both see the same machine load): median, p95, max and
/// max/median of each run, and for every slow frame (over 1.5x the median) what the trainer did during it (the
/// <c>train.*_ms</c> phases), whether a model was adopted and how many garbage collections ran. The target of issue 5:
/// with training on, max ≤ 2x median. A benchmark, not a test: figures depend on the machine and its load.
/// </summary>
public static class BenchTrainingVerb
{
    private const double SlowFrame = 1.5;

    public static Command Create(CliContext context)
    {
        var scene = new Argument<string>("scene") { Description = "A *.scene.json whose fluidDomain has pressureModel and pressureTraining (online)." };
        var frames = new Option<int>("--frames") { Description = "Frames measured per run.", DefaultValueFactory = _ => 200 };
        var warmup = new Option<int>("--warmup") { Description = "Frames run first and not measured (JIT, first solves).", DefaultValueFactory = _ => 3 };
        var repeat = new Option<int>("--repeat") { Description = "Off/on pairs, alternating, for the spread.", DefaultValueFactory = _ => 2 };
        var backend = new Option<string>("--backend") { Description = "Compute backend: cpu or vulkan.", DefaultValueFactory = _ => "cpu" };
        backend.AcceptOnlyFromAmong("cpu", "vulkan");
        var comparePriority = new Option<bool>("--compare-priority") { Description = "Add a training run per pair with the trainer thread at normal OS priority (no nice 19), to measure what the lowest priority changes." };
        var nice = new Option<int>("--trainer-nice") { Description = "The trainer threads' nice value on Linux (0-19; 19, the default, is what scenes use).", DefaultValueFactory = _ => 19 };
        var json = new Option<string?>("--json") { Description = "Also write every run's frame times and phases as JSON to this file." };
        var command = new Command("training", "Frame times with online training off and on, in the same process, and what the trainer did in slow frames.")
            { scene, frames, warmup, repeat, backend, comparePriority, nice, json };
        command.SetAction(parsed =>
        {
            var (f, w, r) = (parsed.GetValue(frames), parsed.GetValue(warmup), parsed.GetValue(repeat));
            if (f < 1 || w < 0 || r < 1) throw new PhysMLException(ErrorCodes.InvalidArgument, ErrorCategory.BadInput, "--frames and --repeat must be >= 1, --warmup >= 0");
            var path = parsed.GetValue(scene)!;
            if (parsed.GetValue(nice) is < 0 or > 19) throw new PhysMLException(ErrorCodes.InvalidArgument, ErrorCategory.BadInput, "--trainer-nice must be in 0..19");
            TrainerThreadPriority.Nice = parsed.GetValue(nice);
            var runs = new List<TrainingRun>();
            var modes = parsed.GetValue(comparePriority) ? new[] { Mode.Off, Mode.On, Mode.OnNormalPriority } : new[] { Mode.Off, Mode.On };
            for (var i = 0; i < r; i++)
                foreach (var mode in modes)
                {
                    TrainerThreadPriority.Enabled = mode != Mode.OnNormalPriority;
                    try
                    {
                        var run = Measure(path, mode, parsed.GetValue(backend)!, f, w);
                        runs.Add(run);
                        Print(context.Output, run);
                    }
                    finally
                    {
                        TrainerThreadPriority.Enabled = true;
                    }
                }
            Summary(context.Output, path, runs);
            if (parsed.GetValue(json) is { } file)
                File.WriteAllText(file, JsonSerializer.Serialize(runs, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
            TrainerThreadPriority.Nice = 19; // the process-wide default again (tests run the verb in-process)
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>One measured frame: its wall time, the trainer's ms per phase during it (<c>TrainerMs</c>), the phases
    /// running when it started or ended (<c>Running</c>: a long step adds its time only in the frame it ends), GCs that
    /// ran, and the model version after it.</summary>
    public sealed record FrameSample(int Frame, double Ms, IReadOnlyDictionary<string, double> TrainerMs, IReadOnlyList<string> Running,
        int Gen0, int Gen1, int Gen2, int ModelVersion);

    public enum Mode { Off, On, OnNormalPriority }

    public sealed record TrainingRun(Mode Mode, string Backend, IReadOnlyList<FrameSample> Frames)
    {
        public bool Training => Mode != Mode.Off;
        public double Median => Percentile(0.5);
        public double P95 => Percentile(0.95);
        public double Max => Frames.Max(f => f.Ms);
        public double MaxOverMedian => Max / Median;

        private double Percentile(double p)
        {
            var sorted = Frames.Select(f => f.Ms).Order().ToArray();
            return sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
        }
    }

    private static TrainingRun Measure(string path, Mode mode, string backend, int frames, int warmup)
    {
        var loaded = new SceneLoader(BuiltInPlugins.Catalog()).Load(path);
        var world = loaded.App.World;
        var entity = world.SingleOrNone<FluidDomain>("fluidDomain")
            ?? throw new PhysMLException(ErrorCodes.InvalidArgument, ErrorCategory.BadInput, $"{path}: bench training needs a scene with a fluidDomain");
        ref var domain = ref world.Get<FluidDomain>(entity);
        if (domain.PressureModel is null || domain.PressureTraining is not { Online: true } settings)
            throw new PhysMLException(ErrorCodes.InvalidArgument, ErrorCategory.BadInput,
                $"{path}: bench training needs fluidDomain.pressureModel and fluidDomain.pressureTraining with online true");
        if (mode == Mode.Off) domain = domain with { PressureTraining = settings with { Online = false } };
        var runner = new SceneRunner(loaded, new RunOptions { Frames = 0, Backend = backend });
        try
        {
            var stepsPerFrame = loaded.File.Time.StepsPerFrame;
            for (var i = 0; i < warmup; i++) runner.App.RunFrame(stepsPerFrame);
            var samples = new List<FrameSample>(frames);
            for (var i = 0; i < frames; i++)
            {
                var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                var runningBefore = Running(world);
                var start = Stopwatch.GetTimestamp();
                runner.App.RunFrame(stepsPerFrame);
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                var metrics = world.Resource<FrameMetrics>();
                var phases = TrainerActivity.Phases.ToDictionary(p => p, p => metrics.TryGet($"train.{p}_ms", out var v) ? v : 0);
                var version = metrics.TryGet("model.version", out var m) ? (int)m : 0;
                samples.Add(new FrameSample(warmup + i + 1, ms, phases, runningBefore.Union(Running(world)).ToArray(), GC.CollectionCount(0) - gcs.Item1,
                    GC.CollectionCount(1) - gcs.Item2, GC.CollectionCount(2) - gcs.Item3, version));
            }
            return new TrainingRun(mode, backend, samples);
        }
        finally
        {
            runner.App.Dispose(); // stops the training thread before the next run
        }
    }

    private static IReadOnlyList<string> Running(PhysML.Core.Ecs.World world) =>
        world.TryGetResource(out LearnedPressureStatus status) && status.Trainable?.Trainer?.Activity is { } activity ? activity.Running() : [];

    private static string Label(Mode mode) => mode switch
    {
        Mode.Off => "training off",
        Mode.On => TrainerThreadPriority.Nice == 19 ? "training on" : $"training on (nice {TrainerThreadPriority.Nice})",
        _ => "training on, trainer at normal priority",
    };

    private static string F(double value, string format = "F1") => value.ToString(format, CultureInfo.InvariantCulture);

    private static void Print(TextWriter output, TrainingRun run)
    {
        output.WriteLine($"{Label(run.Mode)} ({run.Backend}): median {F(run.Median)} ms, p95 {F(run.P95)} ms, " +
                         $"max {F(run.Max)} ms, max/median {F(run.MaxOverMedian, "F2")}x, model version {run.Frames[^1].ModelVersion}");
        var previousVersion = run.Frames[0].ModelVersion;
        foreach (var frame in run.Frames)
        {
            var adopted = frame.ModelVersion != previousVersion;
            previousVersion = frame.ModelVersion;
            if (frame.Ms <= SlowFrame * run.Median) continue;
            var busy = frame.TrainerMs.Where(p => p.Value >= 0.05).Select(p => $"{p.Key} {F(p.Value)}");
            output.WriteLine($"  slow frame {frame.Frame}: {F(frame.Ms)} ms ({F(frame.Ms / run.Median, "F2")}x); trainer: " +
                             $"{(busy.Any() ? string.Join(", ", busy) : "idle")}{(frame.Running.Count > 0 ? $" (running: {string.Join(", ", frame.Running)})" : "")}; GC {frame.Gen0}/{frame.Gen1}/{frame.Gen2} (gen0/1/2)" +
                             (adopted ? $"; adopted model {frame.ModelVersion}" : ""));
        }
    }

    private static void Summary(TextWriter output, string path, List<TrainingRun> runs)
    {
        output.WriteLine($"{Path.GetFileName(path)}: {runs[0].Frames.Count} frames per run, {runs.Count / 2} off/on pairs in this process");
        output.WriteLine($"{"ms",-34}{"median",9}{"p95",9}{"max",9}{"max/med",9}");
        foreach (var group in runs.GroupBy(r => r.Mode))
            foreach (var run in group)
                output.WriteLine($"{Label(run.Mode),-34}{F(run.Median),9}{F(run.P95),9}{F(run.Max),9}{F(run.MaxOverMedian, "F2") + "x",9}");
        var on = runs.Where(r => r.Mode == Mode.On).ToList();
        var off = runs.Where(r => !r.Training).ToList();
        output.WriteLine($"median on/off: {F(on.Average(r => r.Median) / off.Average(r => r.Median), "F2")}x; " +
                         $"worst max/median with training: {F(on.Max(r => r.MaxOverMedian), "F2")}x (target <= 2x: {(on.All(r => r.MaxOverMedian <= 2) ? "met" : "NOT met")})");
    }
}
