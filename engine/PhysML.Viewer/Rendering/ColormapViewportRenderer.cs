using PhysML.Gpu;
using PhysML.Scenes.Recording;
using PhysML.Viewer.Simulation;
using PhysML.Viewer.Viewing;

namespace PhysML.Viewer.Rendering;

/// <summary>
/// The CPU viewport: the displayed field colour-mapped (viridis for magnitudes, the diverging map symmetric about 0 for
/// signed fields), nearest-neighbour scaled to fill the window with square cells, +y up, obstacle cells grey; a 3D field
/// shows its z-slice at <see cref="ViewState.SliceFraction"/>. Pixels are computed here and uploaded every frame.
/// </summary>
public sealed class ColormapViewportRenderer : IViewportRenderer
{
    /// <summary>The letterbox around the field.</summary>
    public const uint Background = 0xFF202020;

    /// <summary>Obstacle cells, as FrameImage draws them.</summary>
    public const uint SolidColour = 0xFF808080;

    private static readonly Colormap Magnitude = Colormap.Get("viridis");
    private static readonly Colormap Signed = Colormap.Get("diverging");

    private uint[] _pixels = [];

    /// <summary>Whether the field is drawn with the diverging map (values on both sides of 0), and its colour range.</summary>
    public static (Colormap Map, double Low, double High) ColourScale(double min, double max)
    {
        if (min < 0 && max > 0)
        {
            double m = Math.Max(-min, max);
            return (Signed, -m, m);
        }

        return (Magnitude, min, max);
    }

    public void Render(ViewerSnapshot snapshot, ViewState view, GpuBuffer target, int width, int height)
    {
        if (_pixels.Length != width * height)
        {
            _pixels = new uint[width * height];
        }

        Draw(snapshot, view, _pixels, width, height);
        target.Upload<uint>(_pixels);
    }

    /// <summary>Draws into <paramref name="pixels"/> and returns where the cells went; null when there is no field.</summary>
    public static ViewportLayout? Draw(ViewerSnapshot snapshot, ViewState view, Span<uint> pixels, int width, int height)
    {
        pixels.Fill(Background);
        int[] shape = snapshot.FieldShape;
        if (shape.Length is not (2 or 3) || snapshot.Values.Length == 0)
        {
            return null;
        }

        int nx = shape[^1];
        int ny = shape[^2];
        int nz = shape.Length == 3 ? shape[0] : 1;
        int slice = (int)Math.Round(Math.Clamp(view.SliceFraction, 0, 1) * (nz - 1));
        int offset = slice * nx * ny;
        ReadOnlySpan<double> values = snapshot.Values.AsSpan(offset, nx * ny);
        ReadOnlySpan<double> solid = snapshot.Solid.Length == snapshot.Values.Length ? snapshot.Solid.AsSpan(offset, nx * ny) : default;
        (Colormap map, double low, double high) = ColourScale(snapshot.Min, snapshot.Max);
        double scale = high > low ? 1 / (high - low) : 0;

        // One colour per cell first, then the scaled copy: the colormap runs nx·ny times, not width·height.
        var cellColours = new uint[nx * ny];
        for (int c = 0; c < cellColours.Length; c++)
        {
            if (!solid.IsEmpty && solid[c] > 0.5)
            {
                cellColours[c] = SolidColour;
                continue;
            }

            (byte r, byte g, byte b) = map.At((values[c] - low) * scale);
            cellColours[c] = r | ((uint)g << 8) | ((uint)b << 16) | 0xFF000000;
        }

        ViewportLayout layout = ViewportLayout.Fit(nx, ny, width, height);
        Span<int> columnCell = layout.Width <= 4096 ? stackalloc int[layout.Width] : new int[layout.Width];
        for (int x = 0; x < layout.Width; x++)
        {
            columnCell[x] = Math.Min(x * nx / layout.Width, nx - 1);
        }

        for (int y = 0; y < layout.Height; y++)
        {
            // Image rows go down, the field's j goes up: row 0 of the picture is j = ny − 1.
            int j = ny - 1 - Math.Min(y * ny / layout.Height, ny - 1);
            Span<uint> row = pixels.Slice((layout.Top + y) * width + layout.Left, layout.Width);
            ReadOnlySpan<uint> cells = cellColours.AsSpan(j * nx, nx);
            for (int x = 0; x < row.Length; x++)
            {
                row[x] = cells[columnCell[x]];
            }
        }

        return layout;
    }

    public void Dispose()
    {
    }
}
