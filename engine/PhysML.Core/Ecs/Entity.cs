namespace PhysML.Core.Ecs;

/// <summary>
/// A handle to an entity: an index into the world's records plus the generation it was created in.
/// A destroyed entity's index is reused with a higher generation, so a stale handle is detected, never aliased.
/// </summary>
public readonly record struct Entity(int Id, int Generation)
{
    public override string ToString() => $"Entity({Id}v{Generation})";
}
