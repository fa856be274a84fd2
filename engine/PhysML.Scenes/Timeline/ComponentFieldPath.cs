namespace PhysML.Scenes.Timeline;

/// <summary>
/// A component field of a named entity, as timelines and sweeps write it: <c>entities.NAME.COMPONENT.FIELD</c>, nested
/// fields continuing with dots (<c>entities.plate.heatPlate.boundary.left.value</c>). Entity names with dots cannot be
/// addressed this way.
/// </summary>
public sealed record ComponentFieldPath(string Entity, string Component, IReadOnlyList<string> Fields)
{
    public const string Prefix = "entities.";

    public static bool TryParse(string text, out ComponentFieldPath path, out string error)
    {
        path = null!;
        error = "";
        var parts = text.Split('.');
        if (parts.Length < 4 || parts[0] != "entities" || parts.Any(p => p.Length == 0))
        {
            error = $"'{text}' is not a path of the form entities.NAME.COMPONENT.FIELD (e.g. entities.source.smokeEmitter.densityRate)";
            return false;
        }
        path = new ComponentFieldPath(parts[1], parts[2], parts[3..]);
        return true;
    }

    public override string ToString() => $"{Prefix}{Entity}.{Component}.{string.Join('.', Fields)}";
}
