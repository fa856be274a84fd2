namespace PhysML.Fields.Mac;

/// <summary>Bilinear interpolation of staggered arrays at arbitrary points, with the min and max of the four samples
/// used (MacCormack's limiter needs them).</summary>
public static class MacSampler
{
    /// <summary>The value of <paramref name="values"/> (laid out as <paramref name="layout"/>) at (x, y) in metres.</summary>
    public static double Sample(ReadOnlySpan<double> values, in StaggeredLayout layout, double h, double x, double y) =>
        Sample(values, layout, h, x, y, out _, out _);

    public static double Sample(ReadOnlySpan<double> values, in StaggeredLayout layout, double h, double x, double y,
        out double min, out double max)
    {
        var fx = x / h - layout.OffsetX;
        var fy = y / h - layout.OffsetY;
        var (a0, a1, tx) = Bracket(fx, layout.Columns, layout.PeriodX);
        var (b0, b1, ty) = Bracket(fy, layout.Rows, layout.PeriodY);
        var c = layout.Columns;
        var v00 = values[b0 * c + a0];
        var v10 = values[b0 * c + a1];
        var v01 = values[b1 * c + a0];
        var v11 = values[b1 * c + a1];
        min = Math.Min(Math.Min(v00, v10), Math.Min(v01, v11));
        max = Math.Max(Math.Max(v00, v10), Math.Max(v01, v11));
        return (1 - ty) * ((1 - tx) * v00 + tx * v10) + ty * ((1 - tx) * v01 + tx * v11);
    }

    /// <summary>The velocity at (x, y), interpolated from both face arrays.</summary>
    public static (double U, double V) Velocity(MacVelocity2D velocity, in StaggeredLayout uLayout, in StaggeredLayout vLayout, double x, double y)
    {
        var h = velocity.Grid.CellSize;
        return (Sample(velocity.U, uLayout, h, x, y), Sample(velocity.V, vLayout, h, x, y));
    }

    // The two sample indices around fractional index f and the weight of the second; wraps or clamps.
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
