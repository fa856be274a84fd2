namespace PhysML.Viewer.Rendering;

/// <summary>Where the field's cells landed in the viewport: a rectangle of whole pixels, top-left origin.</summary>
/// <param name="Left">First pixel column of the field.</param>
/// <param name="Top">First pixel row of the field (the field's top row, y = ny − 1).</param>
/// <param name="Width">Pixels across (nx cells).</param>
/// <param name="Height">Pixels down (ny cells).</param>
/// <param name="Nx">Cells across.</param>
/// <param name="Ny">Cells down.</param>
public readonly record struct ViewportLayout(int Left, int Top, int Width, int Height, int Nx, int Ny)
{
    /// <summary>The pixel at the centre of cell (<paramref name="i"/>, <paramref name="j"/>); j = 0 is the bottom row.</summary>
    public (int X, int Y) PixelOf(int i, int j) =>
        (Left + (int)((i + 0.5) * Width / Nx), Top + (int)((Ny - 1 - j + 0.5) * Height / Ny));

    /// <summary>Fits an nx×ny field into width×height with square cells, centred (letterboxed).</summary>
    public static ViewportLayout Fit(int nx, int ny, int width, int height)
    {
        double scale = Math.Min((double)width / nx, (double)height / ny);
        int w = Math.Max(1, (int)(nx * scale));
        int h = Math.Max(1, (int)(ny * scale));
        return new ViewportLayout((width - w) / 2, (height - h) / 2, w, h, nx, ny);
    }
}
