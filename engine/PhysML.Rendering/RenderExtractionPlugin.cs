using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;

namespace PhysML.Rendering;

/// <summary>
/// Puts a <see cref="SnapshotExchange"/> in the world and publishes a <see cref="RenderSnapshot"/> once after Startup
/// (the initial state, frame 0) and then in every frame's <see cref="Stage.Extract"/>. Added by whatever renders: the
/// headless <c>physml run --render</c> and the viewer.
/// </summary>
public sealed class RenderExtractionPlugin : IPlugin
{
    public string Name => "render-extract";

    /// <summary>The fields snapshots copy at first; the exchange's <see cref="SnapshotExchange.RequestedFields"/> later.
    /// When empty, the first 2D or 3D field the plugins registered (known only after Startup, so chosen then).</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    public void Build(App app)
    {
        app.World.SetResource(new SnapshotExchange(Fields));
        // After Startup, when the plugins have registered their fields: a field that cannot be drawn is an error here,
        // before a run writes anything, not in the middle of it.
        app.AddSystem(Stage.PostStartup, "render.extract-initial", world =>
        {
            var exchange = world.Resource<SnapshotExchange>();
            var catalog = world.Resource<FieldCatalog>();
            if (exchange.RequestedFields.Count == 0)
                exchange.RequestedFields = [(catalog.Fields.FirstOrDefault(f => f.Shape.Length is 2 or 3)
                    ?? throw new PhysMLException(ErrorCodes.RenderFieldNotDrawable, ErrorCategory.BadInput,
                        $"nothing to render: the scene has no 2D or 3D field (it has: {string.Join(", ", catalog.Fields.Select(f => $"{f.Name} [{string.Join(", ", f.Shape)}]"))})")).Name];
            foreach (var name in exchange.RequestedFields)
                if (catalog.Find(name) is { Shape.Length: not (2 or 3) } flat)
                    throw new PhysMLException(ErrorCodes.RenderFieldNotDrawable, ErrorCategory.BadInput,
                        $"cannot render field '{name}' of shape [{string.Join(", ", flat.Shape)}]: the renderer draws 2D [ny, nx] and 3D [nz, ny, nx] fields");
            Extract(world, 0);
        });
        // The App counts a frame after its Render stage, so during Extract the frame being finished is Frame + 1.
        app.AddSystem(Stage.Extract, "render.extract", world => Extract(world, world.Resource<Time>().Frame + 1));
    }

    private static void Extract(World world, long frame)
    {
        var exchange = world.Resource<SnapshotExchange>();
        var time = world.Resource<Time>();
        exchange.Publish(RenderSnapshot.Extract(world.Resource<FieldCatalog>(), frame, time.Elapsed, exchange.RequestedFields));
    }
}
