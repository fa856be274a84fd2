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
        var (a0, a1, tx) = Bracket(fx, columns, periodX);
        var (b0, b1, ty) = Bracket(fy, rows, periodY);
        var (c0, c1, tz) = Bracket(fz, layers, periodZ);
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

    // The two sample indices around fractional index f and the weight of the second; wraps or clamps. The same rule
    // as Bilinear's (kept private there, hence repeated rather than shared).
    private static (int I0, int I1, double T) Bracket(double f, int count, int period)
    {
        var floor = Math.Floor(f);
        var t = f - floor;
        var i0 = (long)floor;
        if (period > 0)
        {
            var w0 = (int)(((i0 % period) + period) % period);
            return (w0, (w0 + 1) % period, t);
        }
        if (i0 < 0) return (0, 0, 0);
        if (i0 >= count - 1) return (count - 1, count - 1, 0);
        return ((int)i0, (int)i0 + 1, t);
    }
}
