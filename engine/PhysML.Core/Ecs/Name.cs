namespace PhysML.Core.Ecs;

/// <summary>A human-readable entity name (from the scene file's <c>name</c>), for errors, logs and the viewer.</summary>
public readonly record struct Name(string Value)
{
    public override string ToString() => Value;
}
