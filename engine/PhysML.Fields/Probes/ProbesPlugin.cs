using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;

namespace PhysML.Fields.Probes;

/// <summary>
/// Point and difference probes on any 2D or 3D field with geometry (scene name <c>probes</c>). Each probe's value goes to
/// the <see cref="ProbeReadings"/> resource every frame (PostUpdate), which runs write to <c>probes.csv</c>. Field
/// names are checked in PostStartup, when every plugin has registered its fields.
/// </summary>
public sealed class ProbesPlugin : IPlugin
{
    private static readonly QueryDescription Points = new QueryDescription().WithAll<PointProbe>();
    private static readonly QueryDescription Differences = new QueryDescription().WithAll<DifferenceProbe>();

    public string Name => "probes";

    public void Build(App app)
    {
        app.RegisterComponent<PointProbe>("pointProbe");
        app.RegisterComponent<DifferenceProbe>("differenceProbe");
        app.AddSystem(Stage.PostStartup, "probes.check", Check);
        app.AddSystem(Stage.PostUpdate, "probes.sample", Sample);
    }

    private static void Check(World world)
    {
        var catalog = world.Resource<FieldCatalog>();
        foreach (var e in world.GetEntities(Points)) RequireField(catalog, e, "pointProbe.field", world.Get<PointProbe>(e).Field);
        foreach (var e in world.GetEntities(Differences)) RequireField(catalog, e, "differenceProbe.field", world.Get<DifferenceProbe>(e).Field);
    }

    private static void RequireField(FieldCatalog catalog, Entity entity, string path, string name)
    {
        var field = catalog.Find(name);
        if (field is not null && FieldSampler.CanSample(field)) return;
        var sampleable = string.Join(", ", catalog.Fields.Where(FieldSampler.CanSample).Select(f => f.Name));
        throw new ComponentValueException(entity, path, field is null
            ? $"unknown field '{name}'; fields a probe can sample: {sampleable}"
            : $"field '{name}' is not a 2D or 3D field with geometry; fields a probe can sample: {sampleable}");
    }

    private static void Sample(World world)
    {
        var catalog = world.Resource<FieldCatalog>();
        var readings = world.Resource<ProbeReadings>();
        foreach (var e in world.GetEntities(Points))
        {
            var p = world.Get<PointProbe>(e);
            readings.Set(ColumnName(world, e), FieldSampler.Sample(catalog.Find(p.Field)!, p.X, p.Y, p.Z));
        }
        foreach (var e in world.GetEntities(Differences))
        {
            var d = world.Get<DifferenceProbe>(e);
            var field = catalog.Find(d.Field)!;
            readings.Set(ColumnName(world, e), FieldSampler.Sample(field, d.Ax, d.Ay, d.Az) - FieldSampler.Sample(field, d.Bx, d.By, d.Bz));
        }
    }

    private static string ColumnName(World world, Entity entity) =>
        world.TryGet<Name>(entity, out var name) ? name.Value : $"probe{entity.Id}";
}
