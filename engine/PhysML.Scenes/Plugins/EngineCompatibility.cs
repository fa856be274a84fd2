using PhysML.Core.Application;

namespace PhysML.Scenes.Plugins;

/// <summary>
/// The rule that says whether a plugin built against one PhysML.Core runs on this engine, read from the plugin's
/// assembly reference to PhysML.Core (the version its compiler saw; see <see cref="PluginAssemblyInspector"/>).
/// Semantic versioning: the major versions must be equal and the plugin's minor no newer than the engine's (a plugin
/// may use nothing the engine lacks); while the major is 0 every minor release may break the API, so the minor must be
/// equal too. Patch and revision never matter.
/// </summary>
public static class EngineCompatibility
{
    /// <summary>This engine's PhysML.Core version (Directory.Build.props, PhysMLVersion).</summary>
    public static Version EngineVersion { get; } = typeof(IPlugin).Assembly.GetName().Version!;

    public static bool IsCompatible(Version builtAgainst, Version engine) =>
        builtAgainst.Major == engine.Major &&
        (engine.Major == 0 ? builtAgainst.Minor == engine.Minor : builtAgainst.Minor <= engine.Minor);

    /// <summary>The versions a plugin built against <paramref name="engine"/>'s PhysML.Core may have been built
    /// against, in words, for error messages.</summary>
    public static string Accepted(Version engine) => engine.Major == 0
        ? $"{engine.Major}.{engine.Minor}.x"
        : $"{engine.Major}.0 to {engine.Major}.{engine.Minor}";
}
