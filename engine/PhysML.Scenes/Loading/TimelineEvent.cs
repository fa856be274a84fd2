namespace PhysML.Scenes.Loading;

/// <summary>
/// One entry of a scene's <c>timeline</c>, as written: when (<see cref="At"/>) and exactly one action. Every event
/// happens at the end of its frame, after that frame is recorded: an assertion checks that frame's metrics, a change
/// takes effect from the next frame on (<c>"frame": 0</c> changes the scene before the first step).
/// </summary>
public sealed record TimelineEvent
{
    public required TimelineMoment At { get; init; }

    /// <summary>Set one field of a named entity's component.</summary>
    public TimelineSet? Set { get; init; }

    /// <summary>Create an entity (it needs a name, so later events can address it).</summary>
    public SceneEntity? Add { get; init; }

    /// <summary>Destroy the entity with this name.</summary>
    public string? Remove { get; init; }

    /// <summary>Check a metric; a failed check ends the run with exit code 4.</summary>
    public TimelineAssertion? Assert { get; init; }

    /// <summary>Switch the pressure solve's preconditioner and/or backend.</summary>
    public TimelinePressure? Pressure { get; init; }

    /// <summary>Start or stop online training of the scene's learned pressure model.</summary>
    public TrainingSwitch? Training { get; init; }

    /// <summary>Write the frame's picture to <c>screenshots/</c>.</summary>
    public TimelineScreenshot? Screenshot { get; init; }
}
