namespace PhysML.Fields;

/// <summary>
/// Trilinear interpolation in a C-order array of Columns × Rows × Layers samples (x fastest) at fractional sample
/// indices (fx, fy, fz); an axis with a period wraps, any other clamps (zero-gradient extrapolation), exactly as
/// <see cref="Bilinear"/> does per axis. Also returns the min and max of the eight samples used, for limiters.
/// </summary>
public static class Trilinear
{
    public static double Sample(ReadOnlySpan<double> values, int columns, int rows, int layers, double fx, double fy, double fz,
        int periodX, int periodY, int periodZ, out double min, out double max)
    {
        var (a0, a1, tx) = Bilinear.Bracket(fx, columns, periodX);
        var (b0, b1, ty) = Bilinear.Bracket(fy, rows, periodY);
        var (c0, c1, tz) = Bilinear.Bracket(fz, layers, periodZ);
        var plane = columns * rows;
        int r00 = c0 * plane + b0 * columns, r10 = c0 * plane + b1 * columns;
        int r01 = c1 * plane + b0 * columns, r11 = c1 * plane + b1 * columns;
        double v000 = values[r00 + a0], v100 = values[r00 + a1], v010 = values[r10 + a0], v110 = values[r10 + a1];
        double v001 = values[r01 + a0], v101 = values[r01 + a1], v011 = values[r11 + a0], v111 = values[r11 + a1];
        min = Math.Min(Math.Min(Math.Min(v000, v100), Math.Min(v010, v110)), Math.Min(Math.Min(v001, v101), Math.Min(v011, v111)));
        max = Math.Max(Math.Max(Math.Max(v000, v100), Math.Max(v010, v110)), Math.Max(Math.Max(v001, v101), Math.Max(v011, v111)));
        var back = (1 - ty) * ((1 - tx) * v000 + tx * v100) + ty * ((1 - tx) * v010 + tx * v110);
        var front = (1 - ty) * ((1 - tx) * v001 + tx * v101) + ty * ((1 - tx) * v011 + tx * v111);
        return (1 - tz) * back + tz * front;
    }
}
