namespace PhysML.Core.Application;

/// <summary>
/// A plugin has one job: in <see cref="Build"/>, register its components, resources, events and systems with the
/// App. It never runs anything itself; systems run when the App runs their stage.
/// </summary>
public interface IPlugin
{
    /// <summary>The name a scene file uses to enable the plugin, e.g. <c>heat</c>. Unique within an App.</summary>
    string Name { get; }

    void Build(App app);
}
