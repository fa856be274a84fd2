namespace PhysML.Rendering;

/// <summary>
/// What to draw and how: the displayed field, its colormap and range, the 3D camera and slice plane, and the overlays.
/// A value: change a setting with <c>with</c>. For a 3D field the smoke volume is the <c>density</c> field; the displayed
/// field appears on the slice plane (with no slice plane and a field other than density, the slice defaults to z = ½).
/// </summary>
/// <param name="Field">The snapshot field to show.</param>
public readonly record struct RenderView(string Field)
{
    /// <summary>A colormap name of PhysML.Scenes.Recording.Colormap (viridis, inferno, diverging); null picks by the
    /// data's sign: diverging when the field has values on both sides of 0, viridis otherwise.</summary>
    public string? Colormap { get; init; }

    /// <summary>The values mapped to the colormap's ends; null: the field's own range (symmetric about 0 for the
    /// diverging map, so 0 is its white middle).</summary>
    public ValueRange? Range { get; init; }

    public OrbitCamera Camera { get; init; } = OrbitCamera.Default;

    public SlicePlane Slice { get; init; } = SlicePlane.None;

    public RenderOverlays Overlays { get; init; } = RenderOverlays.Default;

    /// <summary>Optical depth per cell of smoke at the top of the density range (Beer–Lambert: a ray through n such
    /// cells keeps exp(−n·opacity) of the light behind). 0.25: ten dense cells hide the background to 8 %.</summary>
    public double SmokeOpacity { get; init; } = 0.25;

    /// <summary>Cells between velocity glyphs in 2D.</summary>
    public int GlyphSpacing { get; init; } = 16;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that breaks a rule; <see
    /// cref="FrameRenderer.Render"/> checks every view once, at the boundary.</summary>
    internal void Validate()
    {
        if (string.IsNullOrEmpty(Field)) throw Invalid(nameof(Field), "must name a snapshot field");
        if (Colormap is { } name && !PhysML.Scenes.Recording.Colormap.Names.Contains(name))
            throw Invalid(nameof(Colormap), $"must be one of {string.Join(", ", PhysML.Scenes.Recording.Colormap.Names)} or null (was '{name}')");
        if (Range is { } r && !(double.IsFinite(r.Min) && double.IsFinite(r.Max) && r.Min < r.Max))
            throw Invalid(nameof(Range), $"must have finite Min < Max (was [{r.Min}, {r.Max}])");
        if (!(SmokeOpacity >= 0) || !double.IsFinite(SmokeOpacity)) throw Invalid(nameof(SmokeOpacity), $"must be a finite number >= 0 (was {SmokeOpacity})");
        if (GlyphSpacing < 1) throw Invalid(nameof(GlyphSpacing), $"must be at least 1 cell (was {GlyphSpacing})");
        if (Slice.Axis != SliceAxis.None && !(Slice.Position is >= 0 and <= 1)) throw Invalid(nameof(Slice), $"Position must be in [0, 1] (was {Slice.Position})");
        if (!(Camera.Distance > 0) || !double.IsFinite(Camera.Distance)) throw Invalid(nameof(Camera), $"Distance must be positive (was {Camera.Distance})");
        if (!double.IsFinite(Camera.Pan.Right) || !double.IsFinite(Camera.Pan.Up)) throw Invalid(nameof(Camera), $"Pan must be finite (was {Camera.Pan})");
        if (!(Camera.FieldOfView is > 0 and < 180)) throw Invalid(nameof(Camera), $"FieldOfView must be between 0 and 180 degrees (was {Camera.FieldOfView})");
    }

    private static ArgumentException Invalid(string field, string rule) => new($"{nameof(RenderView)}.{field} {rule}.", field);
}

/// <summary>An inclusive value range [Min, Max] with Min &lt; Max.</summary>
public readonly record struct ValueRange(double Min, double Max);

/// <summary>Which parts of a frame are drawn besides the field itself.</summary>
[Flags]
public enum RenderOverlays
{
    None = 0,
    /// <summary>Obstacle cells (the <c>solid</c> field) as grey pixels in 2D and shaded surfaces in 3D.</summary>
    Obstacles = 1,
    /// <summary>Velocity arrows in 2D.</summary>
    Glyphs = 2,
    /// <summary>The colour bar with the field's name, unit and range.</summary>
    Legend = 4,
    /// <summary>The density volume in 3D.</summary>
    Smoke = 8,
    Default = Obstacles | Glyphs | Legend | Smoke,
}
