using PhysML.Cli;
using PhysML.Scenes.Loading;
using PhysML.Scenes.Plugins;

namespace PhysML.Plugins.Tests;

/// <summary>The sample plugins as physml sees them: built DLLs (the test project builds them first, but never
/// references them), loaded through <see cref="PluginAssemblyLoader"/> into their own load contexts.</summary>
internal static class SamplePlugins
{
    public const string Decay = "PhysML.Samples.Decay";
    public const string Vortex = "PhysML.Samples.Vortex";
    public const string ReactionDiffusion = "PhysML.Samples.ReactionDiffusion";
    public const string Preconditioner = "PhysML.Samples.Preconditioner";

    public static string Dll(string project) =>
        Repository.Path("plugins", "samples", project, "bin", Repository.Configuration, "net10.0", project + ".dll");

    public static string Scene(string project, string file) => Repository.Path("plugins", "samples", project, file);

    /// <summary>The built-in plugins plus the given samples, each loaded from its DLL.</summary>
    public static PluginCatalog Catalog(params string[] projects)
    {
        var catalog = BuiltInPlugins.Catalog();
        foreach (var project in projects) PluginAssemblyLoader.AddAssembly(catalog, Dll(project));
        return catalog;
    }

    /// <summary>A scene written in the test, with the plugins of <paramref name="project"/>'s DLL.</summary>
    public static LoadedScene Parse(string project, string sceneText) =>
        new SceneLoader(Catalog(project)).Parse("test.scene.json", System.Text.Encoding.UTF8.GetBytes(sceneText));

    public static LoadedScene Load(string project, string sceneFile, Func<string, string>? edit = null)
    {
        var path = Scene(project, sceneFile);
        var text = File.ReadAllText(path);
        return new SceneLoader(Catalog(project)).Parse(path, System.Text.Encoding.UTF8.GetBytes(edit?.Invoke(text) ?? text));
    }
}
