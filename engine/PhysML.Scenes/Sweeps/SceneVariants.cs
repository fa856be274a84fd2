using System.Text;
using System.Text.Json.Nodes;
using PhysML.Scenes.Loading;

namespace PhysML.Scenes.Sweeps;

/// <summary>
/// The cartesian grid of a sweep: every combination of the parameters' values (the first parameter varies slowest),
/// each applied to the scene's JSON before it loads, so any field may vary, including those read only at Startup.
/// </summary>
public static class SceneVariants
{
    public static IReadOnlyList<SweepVariant> Grid(byte[] sceneUtf8, IReadOnlyList<SweepParameter> parameters)
    {
        if (parameters.Count == 0) throw SweepParameter.Invalid("give at least one --param PATH=V1,V2,...");
        foreach (var duplicate in parameters.GroupBy(p => p.Path).Where(g => g.Count() > 1))
            throw SweepParameter.Invalid($"--param {duplicate.Key} is given {duplicate.Count()} times; list all its values in one");
        // Short names unless two parameters share one (e.g. two emitters' densityRate): then the whole path.
        var ambiguous = parameters.GroupBy(p => p.ShortName).Any(g => g.Count() > 1);
        var variants = new List<SweepVariant>();
        foreach (var combination in Combinations(parameters, 0))
        {
            var root = JsonNode.Parse(Encoding.UTF8.GetString(sceneUtf8), documentOptions: SceneJson.DocumentOptions)!;
            foreach (var (parameter, value) in combination) Apply(root, parameter, value);
            var name = string.Join("_", combination.Select(c => $"{(ambiguous ? c.Parameter.Path : c.Parameter.ShortName)}={SweepVariant.Text(c.Value)}"));
            variants.Add(new SweepVariant(SafeFileName(name), combination, Encoding.UTF8.GetBytes(root.ToJsonString())));
        }
        return variants;
    }

    /// <summary>Where a parameter lands in the scene's JSON, as the loader's diagnostics name it.</summary>
    public static string JsonPath(byte[] sceneUtf8, SweepParameter parameter)
    {
        var root = JsonNode.Parse(Encoding.UTF8.GetString(sceneUtf8), documentOptions: SceneJson.DocumentOptions)!;
        return Locate(root, parameter).JsonPath;
    }

    private static IEnumerable<List<(SweepParameter Parameter, JsonNode Value)>> Combinations(IReadOnlyList<SweepParameter> parameters, int index)
    {
        if (index == parameters.Count)
        {
            yield return new List<(SweepParameter Parameter, JsonNode Value)>();
            yield break;
        }
        foreach (var value in parameters[index].Values)
            foreach (var rest in Combinations(parameters, index + 1))
            {
                rest.Insert(0, (parameters[index], value));
                yield return rest;
            }
    }

    private static void Apply(JsonNode root, SweepParameter parameter, JsonNode value)
    {
        var (parent, field, _) = Locate(root, parameter);
        parent[field] = value.DeepClone();
    }

    // The object that holds the parameter's last segment (objects on the way are created: an omitted "buoyancy" takes
    // its defaults plus the swept field), and the JSON path of the field for messages.
    private static (JsonObject Parent, string Field, string JsonPath) Locate(JsonNode root, SweepParameter parameter)
    {
        var segments = parameter.Path.Split('.');
        if (segments.Any(s => s.Length == 0)) throw SweepParameter.Invalid($"--param {parameter.Path}: an empty path segment");
        var node = root.AsObject();
        var jsonPath = "$";
        var start = 0;
        if (segments[0] == "entities")
        {
            if (segments.Length < 4)
                throw SweepParameter.Invalid($"--param {parameter.Path}: an entity path is entities.NAME.COMPONENT.FIELD");
            var entities = (root["entities"] as JsonArray ?? new JsonArray()).Select((e, i) => (Entity: e as JsonObject, Index: i))
                .Where(e => e.Entity?["name"]?.GetValue<string>() == segments[1]).ToList();
            if (entities.Count != 1)
                throw SweepParameter.Invalid(entities.Count == 0
                    ? $"--param {parameter.Path}: no entity named '{segments[1]}'; named entities: {string.Join(", ", Names(root))}"
                    : $"--param {parameter.Path}: {entities.Count} entities are named '{segments[1]}'");
            var (entity, index) = entities[0];
            if (entity!["components"]?[segments[2]] is not JsonObject component)
                throw SweepParameter.Invalid($"--param {parameter.Path}: entity '{segments[1]}' has no component '{segments[2]}'; it has: " +
                    string.Join(", ", (entity["components"] as JsonObject)?.Select(c => c.Key) ?? Array.Empty<string>()));
            node = component;
            jsonPath = $"$.entities[{index}].components.{segments[2]}";
            start = 3;
        }
        for (var k = start; k < segments.Length - 1; k++)
        {
            jsonPath += "." + segments[k];
            if (node[segments[k]] is null) node[segments[k]] = new JsonObject();
            node = node[segments[k]] as JsonObject
                   ?? throw SweepParameter.Invalid($"--param {parameter.Path}: {jsonPath} is a value, not an object with fields");
        }
        return (node, segments[^1], $"{jsonPath}.{segments[^1]}");
    }

    private static IEnumerable<string> Names(JsonNode root) =>
        (root["entities"] as JsonArray ?? new JsonArray()).Select(e => e?["name"]?.GetValue<string>()).OfType<string>();

    private static string SafeFileName(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '=' or '-' or '+' ? c : '-').ToArray());
}
