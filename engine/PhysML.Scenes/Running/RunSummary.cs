namespace PhysML.Scenes.Running;

/// <summary>The content of <c>summary.json</c>: written when a run starts (status running) and rewritten atomically when it ends.</summary>
public sealed record RunSummary
{
    public required string Scene { get; init; }
    public required string SceneFile { get; init; }
    public required RunStatus Status { get; init; }
    public required int ExitCode { get; init; }
    public required int FramesRequested { get; init; }
    public required int FramesCompleted { get; init; }
    public required int StepsPerFrame { get; init; }
    public required double Dt { get; init; }
    public required double SimulatedTime { get; init; }
    public required double WallSeconds { get; init; }
    public required int Seed { get; init; }
    public required string BackendRequested { get; init; }
    public required string BackendUsed { get; init; }
    public required DateTimeOffset StartedUtc { get; init; }
    public required IReadOnlyDictionary<string, string> Versions { get; init; }
    public required IReadOnlyList<string> Fields { get; init; }
    public string? DisplayField { get; init; }

    /// <summary>The video encoded from frames/*.png (<c>physml run --video</c>), as given; null when none was made.</summary>
    public string? Video { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();
    public RunError? Error { get; init; }

    /// <summary>Each metrics.jsonl key over the frames run (first, last, min, max, mean); empty while running.</summary>
    public IReadOnlyDictionary<string, Reporting.MetricStatistics> Metrics { get; init; } = new Dictionary<string, Reporting.MetricStatistics>();
}

/// <summary>Why a run failed: the PhysML error code (when there is one) and the message.</summary>
public sealed record RunError(string? Code, string Message);
