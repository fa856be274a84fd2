namespace PhysML.Scenes.Loading;

/// <summary>When a timeline event happens: a frame number, or a simulated time in s (the first frame whose end time
/// reaches it). Exactly one of the two.</summary>
public sealed record TimelineMoment
{
    public int? Frame { get; init; }

    /// <summary>s.</summary>
    public double? Time { get; init; }
}
