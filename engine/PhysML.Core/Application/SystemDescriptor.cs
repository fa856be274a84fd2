using PhysML.Core.Ecs;

namespace PhysML.Core.Application;

/// <summary>
/// A system: a named function of the world run in one stage. Within a stage, systems run in the order they were
/// added, except where <see cref="After"/>/<see cref="Before"/> (names of systems in the same stage) say otherwise.
/// </summary>
public sealed record SystemDescriptor(string Name, Stage Stage, Action<World> Run)
{
    public IReadOnlyList<string> After { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Before { get; init; } = Array.Empty<string>();

    /// <summary>The plugin whose Build added the system (null when added directly to the App).</summary>
    public string? Plugin { get; init; }
}
