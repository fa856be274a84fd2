using System.Text.Json;
using System.Text.Json.Nodes;
using PhysML.Core.Errors;

namespace PhysML.Scenes.Sweeps;

/// <summary>
/// One <c>--param PATH=V1,V2,…</c> of a sweep. PATH is <c>entities.NAME.COMPONENT.FIELD</c> (as in timelines) or a
/// scene setting such as <c>seed</c> or <c>time.dt</c>; each value is read as JSON (numbers, true/false) or else taken as
/// a string (enum names such as <c>semiLagrangian</c>).
/// </summary>
public sealed record SweepParameter(string Path, IReadOnlyList<JsonNode> Values)
{
    public static SweepParameter Parse(string argument)
    {
        var equals = argument.IndexOf('=');
        if (equals <= 0 || equals == argument.Length - 1)
            throw Invalid($"--param '{argument}': expected PATH=V1,V2,... (e.g. entities.source.smokeEmitter.densityRate=1,2,4)");
        var path = argument[..equals].Trim();
        var values = argument[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries);
        if (values.Any(v => v.Length == 0))
            throw Invalid($"--param {path}: an empty value in '{argument[(equals + 1)..]}'");
        return new SweepParameter(path, values.Select(Value).ToList());
    }

    private static JsonNode Value(string text)
    {
        try
        {
            return JsonNode.Parse(text) ?? JsonValue.Create(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    /// <summary>The short name of the parameter in variant names: its last path segment.</summary>
    public string ShortName => Path[(Path.LastIndexOf('.') + 1)..];

    /// <summary>A bad sweep argument (PML0107, exit code 2).</summary>
    public static PhysMLException Invalid(string message) => new(ErrorCodes.InvalidArgument, ErrorCategory.BadInput, message);
}
