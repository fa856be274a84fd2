namespace PhysML.Scenes.Loading;

/// <summary>
/// A scene's <c>onPluginError</c>: what a run does when a plugin's system throws. Unset, plugins loaded from DLLs are
/// disabled and built-in ones stop the run (PML0007), as before plugins could be loaded.
/// </summary>
public enum PluginErrorMode
{
    /// <summary>Every plugin, built-in too, is disabled (PML0801) and the run goes on without it.</summary>
    Disable,

    /// <summary>Every plugin failure stops the run (PML0007, or the plugin's own code), DLL plugins too.</summary>
    Stop,
}
