using PhysML.Core.IO;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Errors;
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
        DisplayField = display is null ? catalog.Fields.FirstOrDefault() : catalog.Find(display);
        if (DisplayField is { Shape.Length: not (2 or 3) })
        {
            _warnings.Add($"field '{DisplayField.Name}' is not 2D or 3D; frames/*.png are written for 2D and 3D fields only");
            DisplayField = null;
        }
    }

    public App App => _scene.App;
    public FieldView? DisplayField { get; }
    /// <summary>The runner's own warnings, then those the systems raised (<see cref="RunWarnings"/>).</summary>
    public IReadOnlyList<string> Warnings => _warnings.Concat(App.World.Resource<RunWarnings>().Messages).ToList();
    public int Frames => _options.Frames ?? _scene.File.Time.Frames;

    public RunResult Run(string outputDirectory, IProgress<RunProgress>? progress = null, CancellationToken cancel = default)
    {
        RunDirectory.Prepare(outputDirectory);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var completed = 0;
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
            WallSeconds = clock.Elapsed.TotalSeconds,
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
        };

        foreach (var late in _scene.Timeline.Events.Where(e => e.Frame > Frames))
            _warnings.Add($"timeline event {late.JsonPath} is at frame {late.Frame}, after this run's last frame {Frames}; it does not happen");
        WriteSummary(outputDirectory, Summary(RunStatus.Running, -1));
        try
        {
            using var recorder = new RunRecorder(outputDirectory, _scene.File.Output, _options, DisplayField, App.World.Resource<FieldCatalog>());
            recorder.RecordFields(0, isLast: Frames == 0);
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
            _scene.Timeline.AfterFrame(0, App.World, Metric, MetricNames);
            for (var frame = 1; frame <= Frames; frame++)
            {
                cancel.ThrowIfCancellationRequested();
                var start = Stopwatch.GetTimestamp();
                App.RunFrame(_scene.File.Time.StepsPerFrame);
                stepMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                completed = frame;
                recorder.RecordMetrics(frame, App.Time.Elapsed, stepMs, metrics);
                recorder.RecordProbes(frame, App.Time.Elapsed, App.World.Resource<ProbeReadings>());
                recorder.RecordFields(frame, isLast: frame == Frames);
                progress?.Report(new RunProgress(frame, Frames, App.Time.Elapsed, stepMs));
                _scene.Timeline.AfterFrame(frame, App.World, Metric, MetricNames);
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
