using PhysML.Core.Application;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;
using PhysML.Scenes.Timeline;

namespace PhysML.Scenes.Loading;

/// <summary>A scene file turned into a configured App (plugins added, entities created; Startup not yet run).</summary>
public sealed class LoadedScene
{
    internal LoadedScene(string path, SceneFile file, App app, JsonPositionIndex positions, IReadOnlyDictionary<Entity, int> entityIndex,
        SceneTimeline timeline)
    {
        Timeline = timeline;
        _entityIndex = entityIndex;
        Path = path;
        File = file;
        App = app;
        Positions = positions;
    }

    /// <summary>The scene file as given on the command line.</summary>
    public string Path { get; }
    public SceneFile File { get; }
    public App App { get; }
    internal JsonPositionIndex Positions { get; }

    /// <summary>The scene's timeline, checked and sorted by frame (empty when the file has none).</summary>
    public SceneTimeline Timeline { get; }

    /// <summary>Name for run directories and summaries: the scene's name.</summary>
    public string Name => File.Name;

    private readonly IReadOnlyDictionary<Entity, int> _entityIndex;

    /// <summary>
    /// The scene-file form of a plugin's <see cref="ComponentValueException"/>: located at
    /// <c>$.entities[i].components.FIELD</c> when the entity came from this file.
    /// </summary>
    public PhysMLException Locate(ComponentValueException error) =>
        _entityIndex.TryGetValue(error.Entity, out var index)
            ? new SceneException(Diagnostic($"$.entities[{index}].components.{error.Field}", error.Code, error.Message))
            : error;

    /// <summary>A diagnostic located at a JSON path of this scene's file.</summary>
    public SceneDiagnostic Diagnostic(string jsonPath, string code, string message) =>
        new(Path, Positions.Find(jsonPath), jsonPath, code, message);
}
