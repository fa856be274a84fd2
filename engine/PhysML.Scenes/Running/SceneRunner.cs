using PhysML.Core.IO;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Errors;
using PhysML.Scenes.Checkpoints;
using PhysML.Scenes.Loading;
using PhysML.Scenes.Recording;
using PhysML.Scenes.Reporting;

namespace PhysML.Scenes.Running;

/// <summary>
/// Runs a loaded scene headless and records it: <c>summary.json</c>, <c>metrics.jsonl</c> (one object per frame),
/// <c>probes.csv</c>, <c>fields/*.npy</c>, <c>frames/*.png</c>, and <c>report.md</c>/<c>report.html</c> with plots. Bad input is found before anything is written (Startup runs first);
/// once outputs exist, <c>summary.json</c> always tells whether the run finished.
/// </summary>
public sealed class SceneRunner
{
    private static readonly JsonSerializerOptions SummaryJson = new()
    {
        WriteIndented = true,
        // Plain '+' and quotes in versions and messages: the file is read by people and scripts, not embedded in HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly LoadedScene _scene;
    private readonly RunOptions _options;
    private readonly List<string> _warnings = new();

    /// <summary>Applies the options, runs Startup, and checks every field name the options and scene use.</summary>
    public SceneRunner(LoadedScene scene, RunOptions options)
    {
        _scene = scene;
        // Unset options take the scene's values, so the recorder sees one resolved set.
        _options = options with
        {
            Dump = options.Dump ?? scene.File.Output.Dump,
            DumpEvery = options.DumpEvery ?? scene.File.Output.DumpEvery,
        };
        options = _options;
        if (options.Frames is < 0) throw Argument("--frames must be >= 0");
        if (options.DumpEvery < 1) throw Argument("--dump-every must be >= 1");
        if (options.ImageEvery < 0) throw Argument("--image-every must be >= 0");
        if (options.CheckpointEvery < 0) throw Argument("--checkpoint-every must be >= 0 (0 writes no checkpoints)");
        if (options.Backend is not ("cpu" or "vulkan")) throw Argument($"--backend must be cpu or vulkan, got '{options.Backend}'");
        // Systems that can run on the GPU read the request at Startup and record what they really used.
        App.World.SetResource(new ComputeBackend(options.Backend));
        if (options.Seed is { } seed) App.World.SetResource(new RandomSeed(seed));

        try
        {
            App.Startup();
        }
        catch (ComponentValueException e)
        {
            throw scene.Locate(e);
        }

        var catalog = App.World.Resource<FieldCatalog>();
        foreach (var name in options.Dump!)
        {
            if (catalog.Find(name) is not null) continue;
            var known = string.Join(", ", catalog.Names);
            if (scene.File.Output.Dump.Contains(name) && ReferenceEquals(options.Dump, scene.File.Output.Dump))
                throw new SceneException(scene.Diagnostic($"$.output.dump[{scene.File.Output.Dump.IndexOf(name)}]",
                    ErrorCodes.InvalidValue, $"unknown field '{name}'; this scene has: {known}"));
            throw Argument($"--dump: unknown field '{name}'; this scene has: {known}");
        }
        var display = scene.File.Output.Display;
        if (display is not null && catalog.Find(display) is null)
            throw new SceneException(scene.Diagnostic("$.output.display", ErrorCodes.InvalidValue,
                $"unknown field '{display}'; this scene has: {string.Join(", ", catalog.Names)}"));
        if (options.CheckpointEvery > 0 && App.World.CheckpointProblems() is { Count: > 0 } problems)
            throw new PhysMLException(ErrorCodes.CheckpointUnsupported, ErrorCategory.BadInput,
                $"--checkpoint-every: scene '{scene.Name}' cannot be checkpointed: {string.Join("; ", problems)} " +
                $"{(problems.Count == 1 ? "holds" : "hold")} run state without checkpoint support, so a resume would silently differ. " +
                "Run it without --checkpoint-every, or add checkpoint support to the plugin (ICheckpointable, or [NoCheckpointState] when Startup rebuilds it)");
        _sceneHash = RunCheckpointFile.HashOf(scene.Path);
        DisplayField = display is null ? catalog.Fields.FirstOrDefault() : catalog.Find(display);
        if (DisplayField is { Shape.Length: not (2 or 3) })
        {
            _warnings.Add($"field '{DisplayField.Name}' is not 2D or 3D; frames/*.png are written for 2D and 3D fields only");
            DisplayField = null;
        }
        if (DisplayField is null && scene.Timeline.Events.FirstOrDefault(e => e.Source.Screenshot is not null) is { } shot)
            throw new SceneException(scene.Diagnostic($"{shot.JsonPath}.screenshot", ErrorCodes.InvalidTimeline,
                "a screenshot draws the display field (output.display), and this scene has no 2D or 3D field to draw"));
    }

    private readonly string _sceneHash;
    private (RunCheckpointHeader Header, BinaryReader State)? _resume;

    /// <summary>
    /// Makes <see cref="Run"/> continue a run from a checkpoint instead of starting it: restores the world and the
    /// timeline's progress now (this runner's scene must be a fresh load of the checkpoint's scene, past Startup); the
    /// recorder's state is read when the run starts. Throws PML0605 when the scene file changed since the checkpoint.
    /// </summary>
    public void ResumeFrom(RunCheckpointHeader header, BinaryReader state)
    {
        if (header.SceneSha256 != _sceneHash)
            throw new PhysMLException(ErrorCodes.CheckpointSceneChanged, ErrorCategory.BadInput,
                $"scene file {_scene.Path} changed since checkpoint frame {header.Frame} was written (SHA-256 {header.SceneSha256[..12]}…, now " +
                $"{_sceneHash[..12]}…); a resumed run would not continue the same simulation. Restore the file, or start a new run");
        if (header.Frame >= Frames)
            throw new PhysMLException(ErrorCodes.RunNotResumable, ErrorCategory.BadInput,
                $"the checkpoint is at frame {header.Frame} and the run is to end at frame {Frames}: nothing is left to run; give --frames N with N > {header.Frame} to continue it");
        App.World.ReadCheckpoint(state);
        _scene.Timeline.ReadCheckpoint(state);
        _resume = (header, state);
    }

    public App App => _scene.App;
    public FieldView? DisplayField { get; }
    /// <summary>The runner's own warnings, then those the systems raised (<see cref="RunWarnings"/>).</summary>
    public IReadOnlyList<string> Warnings => _warnings.Concat(App.World.Resource<RunWarnings>().Messages).ToList();
    public int Frames => _options.Frames ?? _scene.File.Time.Frames;

    public RunResult Run(string outputDirectory, IProgress<RunProgress>? progress = null, CancellationToken cancel = default)
    {
        var resume = _resume;
        if (resume is null) RunDirectory.Prepare(outputDirectory);
        else CheckpointDirectory.DeleteAfter(outputDirectory, resume.Value.Header.Frame);
        var started = resume?.Header.StartedUtc ?? DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var earlierWallSeconds = resume?.Header.WallSeconds ?? 0;
        var first = (resume?.Header.Frame ?? 0) + 1;
        var completed = first - 1;
        var lastCheckpoint = completed;
        string? video = null;
        IReadOnlyDictionary<string, MetricStatistics> metricStatistics = new Dictionary<string, MetricStatistics>();
        RunSummary Summary(RunStatus status, int exitCode, RunError? error = null) => new()
        {
            Metrics = metricStatistics,
            Scene = _scene.Name,
            SceneFile = Path.GetFullPath(_scene.Path),
            Status = status,
            ExitCode = exitCode,
            FramesRequested = Frames,
            FramesCompleted = completed,
            StepsPerFrame = _scene.File.Time.StepsPerFrame,
            Dt = App.Settings.FixedDelta,
            SimulatedTime = App.Time.Elapsed,
            WallSeconds = earlierWallSeconds + clock.Elapsed.TotalSeconds,
            ResumedFromFrame = resume?.Header.Frame,
            Seed = App.World.Resource<RandomSeed>().Value,
            BackendRequested = _options.Backend,
            BackendUsed = App.World.Resource<ComputeBackend>().Used,
            StartedUtc = started,
            Versions = Versions(),
            Fields = App.World.Resource<FieldCatalog>().Names.ToList(),
            DisplayField = DisplayField?.Name,
            Video = video,
            Warnings = Warnings,
            Error = error,
            PluginFaults = App.World.Resource<PluginFaults>().Faults.ToList(),
        };

        foreach (var late in _scene.Timeline.Events.Where(e => e.Frame > Frames))
            _warnings.Add($"timeline event {late.JsonPath} is at frame {late.Frame}, after this run's last frame {Frames}; it does not happen");
        WriteSummary(outputDirectory, Summary(RunStatus.Running, -1));
        try
        {
            using var recorder = new RunRecorder(outputDirectory, _scene.File.Output, _options, DisplayField, App.World.Resource<FieldCatalog>(),
                resume is { } r ? (r.State, r.Header.Frame) : null);
            if (resume is null) recorder.RecordFields(0, isLast: Frames == 0);
            var stepMs = 0.0;
            var metrics = App.World.Resource<FrameMetrics>();
            // The keys of metrics.jsonl, so an assertion can name any of them.
            double? Metric(string key) => key switch
            {
                "t" => App.Time.Elapsed,
                RunRecorder.StepMilliseconds => stepMs,
                _ => metrics.TryGet(key, out var v) ? v : null,
            };
            IEnumerable<string> MetricNames() => new[] { "t", RunRecorder.StepMilliseconds }.Concat(metrics.Entries.Select(e => e.Key));
            if (resume is null) _scene.Timeline.AfterFrame(0, App.World, Metric, MetricNames, name => recorder.WriteScreenshot(0, name));
            void Checkpoint(int frame)
            {
                WriteCheckpoint(outputDirectory, frame, recorder, started, earlierWallSeconds + clock.Elapsed.TotalSeconds);
                lastCheckpoint = frame;
            }
            for (var frame = first; frame <= Frames; frame++)
            {
                if (cancel.IsCancellationRequested)
                {
                    // Ctrl-C between frames: the state is whole, so the directory is left resumable.
                    if (_options.CheckpointEvery > 0 && completed > lastCheckpoint) Checkpoint(completed);
                    cancel.ThrowIfCancellationRequested();
                }
                var start = Stopwatch.GetTimestamp();
                App.RunFrame(_scene.File.Time.StepsPerFrame);
                stepMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                completed = frame;
                recorder.RecordMetrics(frame, App.Time.Elapsed, stepMs, metrics);
                recorder.RecordProbes(frame, App.Time.Elapsed, App.World.Resource<ProbeReadings>());
                recorder.RecordFields(frame, isLast: frame == Frames);
                progress?.Report(new RunProgress(frame, Frames, App.Time.Elapsed, stepMs));
                _scene.Timeline.AfterFrame(frame, App.World, Metric, MetricNames, name => recorder.WriteScreenshot(frame, name));
                if (_options.CheckpointEvery > 0 && (frame % _options.CheckpointEvery == 0 || frame == Frames)) Checkpoint(frame);
            }
            video = _options.FrameRenderer?.Complete(Path.Combine(outputDirectory, RunDirectory.Frames));
        }
        catch (OperationCanceledException)
        {
            return Finish(RunStatus.Cancelled, ExitCodes.Cancelled, new RunError(null, "cancelled by the user"));
        }
        catch (PhysMLException e)
        {
            return Finish(RunStatus.Failed, ExitCodes.For(e.Category), new RunError(e.Code, e.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            return Finish(RunStatus.Failed, ExitCodes.Internal, new RunError(null, $"{e.GetType().Name}: {e.Message}"));
        }
        return Finish(RunStatus.Succeeded, ExitCodes.Success);

        // The report is written before the final summary, so a report that cannot be written is a warning there.
        RunResult Finish(RunStatus status, int exitCode, RunError? error = null)
        {
            metricStatistics = MetricStatistics.Of(MetricSeries.Read(Path.Combine(outputDirectory, RunDirectory.Metrics), Path.Combine(outputDirectory, RunDirectory.Probes)));
            try
            {
                RunReport.Write(outputDirectory, Summary(status, exitCode, error), _scene.File.Description);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
            {
                _warnings.Add($"report.md could not be written: {e.GetType().Name}: {e.Message}");
            }
            var summary = Summary(status, exitCode, error);
            WriteSummary(outputDirectory, summary);
            return new RunResult(summary, outputDirectory);
        }
    }

    private void WriteCheckpoint(string directory, int frame, RunRecorder recorder, DateTimeOffset started, double wallSeconds)
    {
        Directory.CreateDirectory(Path.Combine(directory, CheckpointDirectory.Name));
        var header = new RunCheckpointHeader
        {
            Frame = frame,
            SceneFile = Path.GetFullPath(_scene.Path),
            SceneSha256 = _sceneHash,
            Options = _options with { Frames = Frames, OutputDirectory = null },
            WallSeconds = wallSeconds,
            StartedUtc = started,
            PhysMLVersion = Versions()["physml"],
        };
        RunCheckpointFile.Write(CheckpointDirectory.PathOf(directory, frame), header, writer =>
        {
            App.World.WriteCheckpoint(writer);
            _scene.Timeline.WriteCheckpoint(writer);
            recorder.WriteCheckpoint(writer);
        });
        CheckpointDirectory.Prune(directory);
    }

    private static void WriteSummary(string directory, RunSummary summary) =>
        AtomicFile.Write(Path.Combine(directory, RunDirectory.Summary),
            stream => JsonSerializer.Serialize(stream, summary, SummaryJson));

    private Dictionary<string, string> Versions()
    {
        var versions = new Dictionary<string, string>
        {
            ["physml"] = typeof(SceneRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
            ["dotnet"] = RuntimeInformation.FrameworkDescription,
            ["os"] = RuntimeInformation.OSDescription,
        };
        foreach (var plugin in App.Plugins)
            versions[$"plugin:{plugin.Name}"] = plugin.GetType().Assembly.GetName().Version?.ToString() ?? "unknown";
        return versions;
    }

    private static PhysMLException Argument(string message) =>
        new(ErrorCodes.InvalidArgument, ErrorCategory.BadInput, message);
}
