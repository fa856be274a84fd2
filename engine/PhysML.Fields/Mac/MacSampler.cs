namespace PhysML.Fields.Mac;

/// <summary>Bilinear interpolation of staggered arrays at arbitrary points, with the min and max of the four samples
/// used (MacCormack's limiter needs them).</summary>
public static class MacSampler
{
    /// <summary>The value of <paramref name="values"/> (laid out as <paramref name="layout"/>) at (x, y) in metres.</summary>
    public static double Sample(ReadOnlySpan<double> values, in StaggeredLayout layout, double h, double x, double y) =>
        Sample(values, layout, h, x, y, out _, out _);

    public static double Sample(ReadOnlySpan<double> values, in StaggeredLayout layout, double h, double x, double y,
        out double min, out double max) =>
        Bilinear.Sample(values, layout.Columns, layout.Rows, x / h - layout.OffsetX, y / h - layout.OffsetY,
            layout.PeriodX, layout.PeriodY, out min, out max);

    /// <summary>The velocity at (x, y), interpolated from both face arrays.</summary>
    public static (double U, double V) Velocity(MacVelocity2D velocity, in StaggeredLayout uLayout, in StaggeredLayout vLayout, double x, double y)
    {
        var h = velocity.Grid.CellSize;
        return (Sample(velocity.U, uLayout, h, x, y), Sample(velocity.V, vLayout, h, x, y));
    }
}
