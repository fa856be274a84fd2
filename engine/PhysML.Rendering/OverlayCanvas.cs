using SkiaSharp;

namespace PhysML.Rendering;

/// <summary>
/// A transparent RGBA8 canvas the size of a <see cref="RenderTarget"/> that SkiaSharp draws text and shapes on (the
/// legend here, the viewer's HUD), then <see cref="FrameRenderer.Composite"/> blends over the frame on the GPU.
/// Pixels are premultiplied, as Skia rasterises them; the composite pass expects exactly that.
/// </summary>
public sealed class OverlayCanvas : IDisposable
{
    private readonly SKBitmap _bitmap;

    public OverlayCanvas(int width, int height)
    {
        (Width, Height) = (width, height);
        _bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        Canvas = new SKCanvas(_bitmap);
        Clear();
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>Draw here; (0, 0) is the top-left pixel.</summary>
    public SKCanvas Canvas { get; }

    /// <summary>RGBA8 premultiplied, top row first; flushed, so what was drawn is there.</summary>
    public ReadOnlySpan<byte> Pixels
    {
        get
        {
            Canvas.Flush();
            return _bitmap.GetPixelSpan();
        }
    }

    public void Clear() => Canvas.Clear(SKColors.Transparent);

    /// <summary>A font for overlay text: DejaVu Sans (Debian's fonts-dejavu-core) when SkiaSharp's default typeface has no
    /// glyphs, as with the NoDependencies native assets, which cannot ask fontconfig for a default.</summary>
    public static SKTypeface Typeface => LazyTypeface.Value;

    private static readonly Lazy<SKTypeface> LazyTypeface = new(() =>
    {
        var candidate = SKTypeface.Default;
        if (candidate.GlyphCount > 0) return candidate;
        foreach (var file in new[] { "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf" })
            if (File.Exists(file) && SKTypeface.FromFile(file) is { GlyphCount: > 0 } loaded) return loaded;
        return candidate; // no font: shapes still draw, text does not (README "Known limits")
    });

    public void Dispose()
    {
        Canvas.Dispose();
        _bitmap.Dispose();
    }
}
