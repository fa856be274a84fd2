using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Errors;

namespace PhysML.Rendering;

/// <summary>
/// An immutable copy of what the renderer needs from one frame, taken in <see cref="Stage.Extract"/>: the requested
/// fields, the solid mask, the cell-centred 2D velocity (for glyphs), and the frame and time. The renderer reads only
/// this copy and never the simulation, so drawing never waits for a solve and a solve never waits for a frame.
/// </summary>
public sealed class RenderSnapshot
{
    /// <summary>The convention the foundation set: a plugin with obstacles registers a field named <c>solid</c> (1 in solid
    /// cells, 0 elsewhere); see PhysML.Scenes.Running.RunRecorder.SolidFieldName.</summary>
    public const string SolidFieldName = "solid";

    /// <summary>The 3D volume the renderer ray-marches as smoke.</summary>
    public const string DensityFieldName = "density";

    private readonly Dictionary<string, FieldSnapshot> _fields;

    public RenderSnapshot(long frame, double time, IEnumerable<FieldSnapshot> fields, FieldSnapshot? solid = null, CellVelocity? velocity = null)
    {
        Frame = frame;
        Time = time;
        _fields = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        Solid = solid;
        Velocity = velocity;
    }

    public long Frame { get; }

    /// <summary>Simulated seconds at the end of <see cref="Frame"/>.</summary>
    public double Time { get; }

    public IReadOnlyDictionary<string, FieldSnapshot> Fields => _fields;

    public FieldSnapshot? Solid { get; }

    public CellVelocity? Velocity { get; }

    public FieldSnapshot? Find(string name) => _fields.GetValueOrDefault(name);

    /// <summary>
    /// Copies <paramref name="fields"/> from <paramref name="catalog"/>, plus <c>solid</c> and the velocity when the
    /// catalog has them, and <c>density</c> (the smoke volume) with any 3D field. A name the catalog lacks is error
    /// PML0701, listing the names it has. <paramref name="frame"/> is the frame the state is the end of (0: the initial
    /// state; in Extract, <see cref="Time.Frame"/> + 1, since the App counts a frame once its Render stage is over).
    /// </summary>
    public static RenderSnapshot Extract(FieldCatalog catalog, long frame, double time, IEnumerable<string> fields)
    {
        var names = fields.Distinct(StringComparer.Ordinal).ToList();
        var views = names.Select(name => catalog.Find(name) ?? throw UnknownField(name, catalog.Names)).ToList();
        if (views.Any(v => v.Shape.Length == 3) && !names.Contains(DensityFieldName)
            && catalog.Find(DensityFieldName) is { Shape.Length: 3 } density)
            views.Add(density);
        var copies = views.Select(Copy).ToList();
        var solid = catalog.Find(SolidFieldName) is { } s ? Copy(s) : null;
        return new RenderSnapshot(frame, time, copies, solid, ExtractVelocity(catalog));
    }

    /// <summary>The cell-centred 2D velocity from the catalog's <c>u</c> and <c>v</c> (for glyphs), or null when the
    /// catalog has no 2D velocity. Both the headless renderer's snapshot and the viewer's take it from here.</summary>
    public static CellVelocity? ExtractVelocity(FieldCatalog catalog) =>
        catalog.Find("u") is { } u && catalog.Find("v") is { } v
            ? CellVelocity.FromComponents(u.Shape, u.Read().Span, v.Shape, v.Read().Span)
            : null;

    internal static PhysMLException UnknownField(string name, IEnumerable<string> known) =>
        new(ErrorCodes.UnknownRenderField, ErrorCategory.BadInput,
            $"cannot render field '{name}': the scene has no such field; it has: {string.Join(", ", known)}");

    private static FieldSnapshot Copy(FieldView view) => new(view.Name, view.Unit, view.Shape, view.Read().Span, view.Spacing);
}
