using System.Text.Json;

namespace PhysML.Scenes.Loading;

/// <summary>A timeline change: <see cref="Path"/> is <c>entities.NAME.COMPONENT.FIELD</c> (nested fields continue with
/// dots, e.g. <c>entities.plate.heatPlate.boundary.left.value</c>); <see cref="Value"/> is written as in the scene file.</summary>
public sealed record TimelineSet
{
    public required string Path { get; init; }

    public required JsonElement Value { get; init; }
}
