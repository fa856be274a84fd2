using System.Text.Json;
using System.Text.Json.Nodes;
using PhysML.Core.Validation;
using PhysML.Scenes.Loading;

namespace PhysML.Scenes.Timeline;

/// <summary>
/// Changes one field of a component through the loader's own JSON binding: the component is written as the scene file
/// would write it, the field replaced, and the result read back and validated. So a timeline value is checked exactly
/// as the same value in the scene file would be (types, enum names, ranges), and every other field keeps its bits.
/// </summary>
internal static class ComponentFields
{
    // Computed properties (a domain's grid, a solver's options) are not part of the scene format.
    private static readonly JsonSerializerOptions Writable = new(SceneJson.Options) { IgnoreReadOnlyProperties = true };

    /// <summary>The component with <paramref name="fields"/> set to <paramref name="value"/>, or why it cannot be.
    /// <paramref name="badPath"/> says whether the path (not the value) is at fault.</summary>
    public static object? With(object component, IReadOnlyList<string> fields, JsonElement value, out string? error, out bool badPath)
    {
        var type = component.GetType();
        var root = JsonSerializer.SerializeToNode(component, type, Writable)!.AsObject();
        var parent = root;
        badPath = true;
        for (var k = 0; k < fields.Count; k++)
        {
            if (!parent.ContainsKey(fields[k]))
            {
                error = $"unknown field '{string.Join('.', fields.Take(k + 1))}'; known fields: {string.Join(", ", parent.Select(p => p.Key).Order(StringComparer.Ordinal))}";
                return null;
            }
            if (k == fields.Count - 1) break;
            if (parent[fields[k]] is not JsonObject child)
            {
                error = $"'{string.Join('.', fields.Take(k + 1))}' is a value, not an object with fields";
                return null;
            }
            parent = child;
        }
        badPath = false;
        parent[fields[^1]] = JsonNode.Parse(value.GetRawText());
        object? changed;
        try
        {
            changed = root.Deserialize(type, SceneJson.Options);
        }
        catch (JsonException e)
        {
            error = JsonErrorText.Describe(e);
            return null;
        }
        if (changed is IValidatable validatable && validatable.Validate().ToList() is { Count: > 0 } errors)
        {
            error = string.Join("; ", errors.Select(e => e.Message));
            return null;
        }
        error = null;
        return changed;
    }
}
