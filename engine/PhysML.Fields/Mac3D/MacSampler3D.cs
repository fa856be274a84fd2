namespace PhysML.Fields.Mac3D;

/// <summary>Trilinear interpolation of staggered 3D arrays at arbitrary points, with the min and max of the eight
/// samples used (MacCormack's limiter needs them).</summary>
public static class MacSampler3D
{
    /// <summary>The value of <paramref name="values"/> (laid out as <paramref name="layout"/>) at (x, y, z) in metres.</summary>
    public static double Sample(ReadOnlySpan<double> values, in StaggeredLayout3D layout, double h, double x, double y, double z) =>
        Sample(values, layout, h, x, y, z, out _, out _);

    public static double Sample(ReadOnlySpan<double> values, in StaggeredLayout3D layout, double h, double x, double y, double z,
        out double min, out double max) =>
        Trilinear.Sample(values, layout.Columns, layout.Rows, layout.Layers,
            x / h - layout.OffsetX, y / h - layout.OffsetY, z / h - layout.OffsetZ,
            layout.PeriodX, layout.PeriodY, layout.PeriodZ, out min, out max);

    /// <summary>The velocity at (x, y, z), interpolated from the three face arrays.</summary>
    public static (double U, double V, double W) Velocity(MacVelocity3D velocity, in StaggeredLayout3D uLayout,
        in StaggeredLayout3D vLayout, in StaggeredLayout3D wLayout, double x, double y, double z)
    {
        var h = velocity.Grid.CellSize;
        return (Sample(velocity.U, uLayout, h, x, y, z), Sample(velocity.V, vLayout, h, x, y, z), Sample(velocity.W, wLayout, h, x, y, z));
    }
}
