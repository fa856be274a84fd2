using PhysML.Gpu;
using PhysML.Scenes.Recording;

namespace PhysML.Rendering;

public sealed partial class FrameRenderer
{
    private RenderedFrame Render2D(RenderSnapshot snapshot, FieldSnapshot field, RenderView view, RenderTarget target,
        Colormap colormap, ValueRange range, GpuBuffer lut)
    {
        var (nx, ny, _) = field.Size;
        var values = _field.Upload(field.Values);
        var solid = (view.Overlays & RenderOverlays.Obstacles) != 0 && snapshot.Solid is { } s && s.HasShape(field.Shape)
            ? _solid.Upload(s.Values) : null;
        var velocity = (view.Overlays & RenderOverlays.Glyphs) != 0 && view.GlyphSpacing > 0
            && snapshot.Velocity is { MaxSpeed: > 0 } v && v.Nx == nx && v.Ny == ny ? v : null;
        var velocityBuffer = velocity is null ? null : _velocity.Upload(velocity.Xy);
        // Cell width over height, from the spacing [dy, dx]; square when the field has no geometry.
        var aspect = field.Spacing is { Count: 2 } h && h[0] > 0 && h[1] > 0 ? h[1] / h[0] : 1.0;
        var push = new Field2DPush
        {
            Width = target.Width,
            Height = target.Height,
            Nx = nx,
            Ny = ny,
            MinValue = (float)range.Min,
            MaxValue = (float)range.Max,
            HasSolid = solid is null ? 0 : 1,
            GlyphCells = velocity is null ? 0 : view.GlyphSpacing,
            // The fastest cell's arrow spans 0.9 of the glyph spacing.
            GlyphScale = velocity is null ? 0 : (float)(0.9 * view.GlyphSpacing / velocity.MaxSpeed),
            AspectX = (float)aspect,
        };
        using var binding = _field2D.Bind(target.Pixels, values, solid ?? _none, lut, velocityBuffer ?? _none);
        Submit(r => r.Dispatch(binding, push, PixelGroups(target)));
        return new RenderedFrame(field.Name, colormap.Name, range, Volume: false);
    }
}
