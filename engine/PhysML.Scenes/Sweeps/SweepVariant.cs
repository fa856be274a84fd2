using System.Text.Json.Nodes;

namespace PhysML.Scenes.Sweeps;

/// <summary>One point of a sweep's grid: its directory name (from the parameter values), the values, and the scene
/// text with them applied.</summary>
public sealed record SweepVariant(string Name, IReadOnlyList<(SweepParameter Parameter, JsonNode Value)> Values, byte[] SceneUtf8)
{
    /// <summary>A value as sweep.csv and variant names write it: strings bare, everything else as JSON.</summary>
    public static string Text(JsonNode value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();
}
