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

    /// <summary>The checkpoint frame this run was last resumed from (<c>physml resume</c>); null for a run that ran
    /// from frame 0 in one go.</summary>
    public int? ResumedFromFrame { get; init; }
    public RunError? Error { get; init; }

    /// <summary>Plugins disabled during the run because a system of theirs threw (PML0801); empty when none was.</summary>
    public IReadOnlyList<Core.Diagnostics.PluginFault> PluginFaults { get; init; } = Array.Empty<Core.Diagnostics.PluginFault>();

    /// <summary>Each metrics.jsonl key over the frames run (first, last, min, max, mean); empty while running.</summary>
    public IReadOnlyDictionary<string, Reporting.MetricStatistics> Metrics { get; init; } = new Dictionary<string, Reporting.MetricStatistics>();
}

/// <summary>Why a run failed: the PhysML error code (when there is one) and the message.</summary>
public sealed record RunError(string? Code, string Message);
