namespace PhysML.Rendering;

/// <summary>What <see cref="FrameRenderer.Render"/> drew: the field, the colormap and the value range its colours mean
/// (resolved from the view's automatic choices), so a legend or a test can state them.</summary>
public readonly record struct RenderedFrame(string Field, string Colormap, ValueRange Range, bool Volume);
