namespace PhysML.Fields;

/// <summary>
/// Bilinear interpolation in a row-major array of Columns × Rows samples at fractional sample indices (fx, fy);
/// an axis with a period wraps, any other clamps (zero-gradient extrapolation). Also returns the min and max of the
/// four samples used, for limiters.
/// </summary>
public static class Bilinear
{
    public static double Sample(ReadOnlySpan<double> values, int columns, int rows, double fx, double fy, int periodX, int periodY,
        out double min, out double max)
    {
        var (a0, a1, tx) = Bracket(fx, columns, periodX);
        var (b0, b1, ty) = Bracket(fy, rows, periodY);
        var v00 = values[b0 * columns + a0];
        var v10 = values[b0 * columns + a1];
        var v01 = values[b1 * columns + a0];
        var v11 = values[b1 * columns + a1];
        min = Math.Min(Math.Min(v00, v10), Math.Min(v01, v11));
        max = Math.Max(Math.Max(v00, v10), Math.Max(v01, v11));
        return (1 - ty) * ((1 - tx) * v00 + tx * v10) + ty * ((1 - tx) * v01 + tx * v11);
    }

    /// <summary>The two sample indices around fractional index f and the weight of the second; wraps when
    /// <paramref name="period"/> &gt; 0, else clamps to [0, count − 1]. Shared with <see cref="Trilinear"/>.</summary>
    internal static (int I0, int I1, double T) Bracket(double f, int count, int period)
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
