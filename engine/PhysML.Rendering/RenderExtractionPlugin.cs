using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;

namespace PhysML.Rendering;

/// <summary>
/// Puts a <see cref="SnapshotExchange"/> in the world and publishes a <see cref="RenderSnapshot"/> once after Startup
/// (the initial state, frame 0) and then in every frame's <see cref="Stage.Extract"/>. Added by whatever renders: the
/// headless <c>physml run --render</c> and the viewer.
/// </summary>
public sealed class RenderExtractionPlugin : IPlugin
{
    public string Name => "render-extract";

    /// <summary>The fields snapshots copy at first; the exchange's <see cref="SnapshotExchange.RequestedFields"/> later.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    public void Build(App app)
    {
        app.World.SetResource(new SnapshotExchange(Fields));
        app.AddSystem(Stage.PostStartup, "render.extract-initial", Extract);
        app.AddSystem(Stage.Extract, "render.extract", Extract);
    }

    private static void Extract(World world)
    {
        var exchange = world.Resource<SnapshotExchange>();
        exchange.Publish(RenderSnapshot.Extract(world.Resource<FieldCatalog>(), world.Resource<Time>(), exchange.RequestedFields));
    }
}
