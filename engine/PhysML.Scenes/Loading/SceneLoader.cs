using System.Text.Json;
using PhysML.Core.Application;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;
using PhysML.Core.Validation;
using PhysML.Scenes.Recording;
using PhysML.Scenes.Timeline;

namespace PhysML.Scenes.Loading;

/// <summary>
/// Reads a <c>*.scene.json</c> file into an App: enables the named plugins, then creates the entities and their
/// components, and checks the timeline against them. Every problem is reported with file, line:column and JSON path; all problems found are reported
/// together, so a scene author fixes them in one pass.
/// </summary>
public sealed class SceneLoader(PluginCatalog plugins)
{
    public LoadedScene Load(string path)
    {
        if (!System.IO.File.Exists(path))
            throw new SceneException(new SceneDiagnostic(path, null, "$", ErrorCodes.SceneNotFound,
                Directory.Exists(path) ? "is a directory, not a scene file" : "scene file not found"));
        return Parse(path, System.IO.File.ReadAllBytes(path));
    }

    /// <summary>Parses scene text; <paramref name="path"/> is used only in messages.</summary>
    public LoadedScene Parse(string path, byte[] utf8)
    {
        var positions = IndexOrThrow(path, utf8);
        var file = DeserializeOrThrow(path, utf8, positions);
        var diagnostics = new List<SceneDiagnostic>();
        void Report(string jsonPath, string code, string message) =>
            diagnostics.Add(new SceneDiagnostic(path, positions.Find(jsonPath), jsonPath, code, message));

        ValidateSettings(file, Report);
        var app = new App(new AppSettings { FixedDelta = file.Time.Dt > 0 && double.IsFinite(file.Time.Dt) ? file.Time.Dt : 1 });
        app.World.SetResource(new RandomSeed(file.Seed));
        app.World.SetResource(new SceneLocation(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!));
        AddPlugins(file, app, Report);
        var entityIndex = CreateEntities(file, app, Report);
        var timeline = TimelineCompiler.Compile(file, app, Report, name => UnknownComponentMessage(name, app));

        if (diagnostics.Count > 0) throw new SceneException(diagnostics);
        return new LoadedScene(path, file, app, positions, entityIndex, timeline);
    }

    private static JsonPositionIndex IndexOrThrow(string path, byte[] utf8)
    {
        if (System.Text.Encoding.UTF8.GetString(utf8).Trim().Length == 0)
            throw new SceneException(new SceneDiagnostic(path, new SourcePosition(1, 1), "$", ErrorCodes.SceneSyntax,
                "the file is empty; a scene file is a JSON object (see scenes/heat-plate.scene.json)"));
        try
        {
            return JsonPositionIndex.Build(utf8);
        }
        catch (JsonException e)
        {
            // The reader's line and byte position are 0-based.
            var position = new SourcePosition((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
            throw new SceneException(new SceneDiagnostic(path, position, "$", ErrorCodes.SceneSyntax,
                "not valid JSON: " + e.Message.Split(" LineNumber:")[0].TrimEnd(' ', '|', '.')));
        }
    }

    private static SceneFile DeserializeOrThrow(string path, byte[] utf8, JsonPositionIndex positions)
    {
        try
        {
            return JsonSerializer.Deserialize<SceneFile>(utf8, SceneJson.Options)
                   ?? throw new JsonException("the scene is null; expected an object");
        }
        catch (JsonException e)
        {
            var jsonPath = e.Path ?? "$";
            var position = e.LineNumber is { } line
                ? new SourcePosition((int)line + 1, (int)(e.BytePositionInLine ?? 0) + 1)
                : positions.Find(jsonPath);
            // The path's own position beats the reader's, which is just past the offending token (or, for a missing
            // field, at the end of the object).
            position = positions.Find(jsonPath) ?? position;
            throw new SceneException(new SceneDiagnostic(path, position, jsonPath, ErrorCodes.SceneSchema, JsonErrorText.Describe(e)));
        }
    }

    private static void ValidateSettings(SceneFile file, Action<string, string, string> report)
    {
        if (string.IsNullOrWhiteSpace(file.Name) || file.Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || file.Name.Contains(' '))
            report("$.name", ErrorCodes.InvalidValue, $"must be a non-empty name without spaces or path characters, got '{file.Name}'");
        foreach (var e in Check.Positive("dt", file.Time.Dt)) report("$.time.dt", ErrorCodes.InvalidValue, e.Message);
        foreach (var e in Check.InRange("stepsPerFrame", file.Time.StepsPerFrame, 1, 1_000_000)) report("$.time.stepsPerFrame", ErrorCodes.InvalidValue, e.Message);
        foreach (var e in Check.InRange("frames", file.Time.Frames, 0, 10_000_000)) report("$.time.frames", ErrorCodes.InvalidValue, e.Message);
        foreach (var e in Check.InRange("dumpEvery", file.Output.DumpEvery, 1, 1_000_000)) report("$.output.dumpEvery", ErrorCodes.InvalidValue, e.Message);
        foreach (var e in Check.InRange("pixelsPerCell", file.Output.PixelsPerCell, 1, 64)) report("$.output.pixelsPerCell", ErrorCodes.InvalidValue, e.Message);
        if (!Colormap.Names.Contains(file.Output.Colormap))
            report("$.output.colormap", ErrorCodes.InvalidValue, $"unknown colormap '{file.Output.Colormap}'; known: {string.Join(", ", Colormap.Names)}");
        if (file.Output.Range is { } range && (range.Length != 2 || !double.IsFinite(range[0]) || !double.IsFinite(range[1]) || range[0] >= range[1]))
            report("$.output.range", ErrorCodes.InvalidValue, "must be [min, max] with finite min < max");
    }

    private void AddPlugins(SceneFile file, App app, Action<string, string, string> report)
    {
        for (var i = 0; i < file.Plugins.Count; i++)
        {
            var name = file.Plugins[i];
            if (!plugins.TryCreate(name, out var plugin))
            {
                var searched = plugins.SearchedLocations is { } places ? $"; plugin DLLs were looked for in: {places}" : "";
                report($"$.plugins[{i}]", ErrorCodes.UnknownPlugin, $"unknown plugin '{name}'; known plugins: {string.Join(", ", plugins.Names)}{searched}");
                continue;
            }
            try
            {
                app.AddPlugin(plugin);
            }
            catch (PhysMLException e) when (e.Code == ErrorCodes.DuplicatePlugin)
            {
                report($"$.plugins[{i}]", e.Code, $"plugin '{name}' is listed twice");
            }
        }
        var disabled = file.OnPluginError switch
        {
            PluginErrorMode.Disable => app.Plugins.Select(p => p.Name),
            PluginErrorMode.Stop => [],
            _ => app.Plugins.Select(p => p.Name).Where(plugins.IsExternal),
        };
        app.World.SetResource(new PluginFaultPolicy(disabled.ToHashSet(StringComparer.Ordinal)));
    }

    private Dictionary<Entity, int> CreateEntities(SceneFile file, App app, Action<string, string, string> report)
    {
        var index = new Dictionary<Entity, int>();
        for (var i = 0; i < file.Entities.Count; i++)
        {
            var entity = app.World.Create();
            index[entity] = i;
            if (file.Entities[i].Name is { } name) app.World.Add(entity, new Name(name));
            foreach (var (componentName, json) in file.Entities[i].Components)
            {
                var basePath = $"$.entities[{i}].components.{componentName}";
                if (!app.ComponentNames.TryGet(componentName, out var type))
                {
                    report(basePath, ErrorCodes.UnknownComponent, UnknownComponentMessage(componentName, app));
                    continue;
                }
                if (ReadComponent(json, type, basePath, report) is not { } component) continue;
                app.World.AddBoxed(entity, component);
            }
        }
        return index;
    }

    /// <summary>A component from its scene JSON, validated; null (with the problems reported) when it cannot be read.</summary>
    internal static object? ReadComponent(JsonElement json, Type type, string basePath, Action<string, string, string> report)
    {
        object? component;
        try
        {
            component = json.ValueKind == JsonValueKind.Object
                ? json.Deserialize(type, SceneJson.Options)
                : throw new JsonException($"The JSON value could not be converted to {type.FullName}.");
        }
        catch (JsonException e)
        {
            var relative = e.Path is { Length: > 1 } p ? p[1..] : "";
            report(basePath + relative, ErrorCodes.SceneSchema, JsonErrorText.Describe(e));
            return null;
        }
        if (component is IValidatable validatable)
        {
            var errors = validatable.Validate().ToList();
            foreach (var error in errors) report($"{basePath}.{error.Field}", ErrorCodes.InvalidValue, error.Message);
            if (errors.Count > 0) return null;
        }
        return component;
    }

    private string UnknownComponentMessage(string name, App app)
    {
        var owner = plugins.Names.FirstOrDefault(p => PluginRegisters(p, name));
        var known = app.ComponentNames.Names.Count == 0 ? "(none: no enabled plugin registers components)" : string.Join(", ", app.ComponentNames.Names);
        return owner is null
            ? $"unknown component '{name}'; known components: {known}"
            : $"component '{name}' belongs to plugin '{owner}', which $.plugins does not list; known components: {known}";
    }

    // Builds the plugin into a scratch App to see its component names; only runs on the error path.
    private bool PluginRegisters(string pluginName, string componentName)
    {
        if (!plugins.TryCreate(pluginName, out var plugin)) return false;
        var scratch = new App();
        scratch.AddPlugin(plugin);
        return scratch.ComponentNames.TryGet(componentName, out _);
    }
}
