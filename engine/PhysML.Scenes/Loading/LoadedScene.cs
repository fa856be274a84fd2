using PhysML.Core.Application;

namespace PhysML.Scenes.Loading;

/// <summary>A scene file turned into a configured App (plugins added, entities created; Startup not yet run).</summary>
public sealed class LoadedScene
{
    internal LoadedScene(string path, SceneFile file, App app, JsonPositionIndex positions)
    {
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

    /// <summary>Name for run directories and summaries: the scene's name.</summary>
    public string Name => File.Name;

    /// <summary>A diagnostic located at a JSON path of this scene's file.</summary>
    public SceneDiagnostic Diagnostic(string jsonPath, string code, string message) =>
        new(Path, Positions.Find(jsonPath), jsonPath, code, message);
}
