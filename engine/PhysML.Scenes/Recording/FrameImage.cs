using SkiaSharp;

namespace PhysML.Scenes.Recording;

/// <summary>Renders a 2D field to a PNG: colormapped, nearest-neighbour scaled, with +y pointing up; cells where the
/// optional solid mask is non-zero are drawn in grey, so obstacles show whatever field is displayed.</summary>
public static class FrameImage
{
    public static void WritePng(Stream stream, ReadOnlySpan<double> values, int ny, int nx, Colormap colormap,
        double min, double max, int pixelsPerCell, ReadOnlySpan<double> solid = default)
    {
        var width = nx * pixelsPerCell;
        var height = ny * pixelsPerCell;
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = new byte[width * height * 4];
        var scale = max > min ? 1 / (max - min) : 0;
        for (var j = 0; j < ny; j++)
        {
            for (var i = 0; i < nx; i++)
            {
                var (r, g, b) = !solid.IsEmpty && solid[j * nx + i] > 0.5
                    ? ((byte)128, (byte)128, (byte)128)
                    : colormap.At((values[j * nx + i] - min) * scale);
                // Row j = 0 is y = 0, the bottom of the plate; image rows go top-down.
                var top = (ny - 1 - j) * pixelsPerCell;
                for (var py = top; py < top + pixelsPerCell; py++)
                {
                    for (var px = i * pixelsPerCell; px < (i + 1) * pixelsPerCell; px++)
                    {
                        var o = (py * width + px) * 4;
                        pixels[o] = r;
                        pixels[o + 1] = g;
                        pixels[o + 2] = b;
                        pixels[o + 3] = 255;
                    }
                }
            }
        }
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        data.SaveTo(stream);
    }
}
