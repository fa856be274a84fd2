using PhysML.Scenes.Loading;

namespace PhysML.Scenes.Timeline;

/// <summary>A checked timeline event: its JSON path, the frame it happens at, and what it does (a set carries its
/// parsed path and the component type it changes).</summary>
public sealed record ScheduledEvent(string JsonPath, int Frame, TimelineEvent Source)
{
    internal ComponentFieldPath? SetPath { get; init; }
    internal Type? SetComponent { get; init; }

    /// <summary>Components of an added entity, read and validated at load.</summary>
    internal IReadOnlyList<object> AddedComponents { get; init; } = Array.Empty<object>();
}
