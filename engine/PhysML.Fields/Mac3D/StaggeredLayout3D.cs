namespace PhysML.Fields.Mac3D;

/// <summary>
/// Where the samples of one staggered 3D array sit: Columns × Rows × Layers samples, sample (a, b, c) at
/// ((a + OffsetX)·h, (b + OffsetY)·h, (c + OffsetZ)·h). Cell centres have offsets (½, ½, ½); u faces (0, ½, ½);
/// v faces (½, 0, ½); w faces (½, ½, 0). Periodic axes wrap with the period in cells (a periodic face array's last
/// plane duplicates its first); other axes clamp (zero-gradient extrapolation), as <see cref="Mac.StaggeredLayout"/>.
/// </summary>
public readonly record struct StaggeredLayout3D(
    int Columns, int Rows, int Layers, double OffsetX, double OffsetY, double OffsetZ, int PeriodX, int PeriodY, int PeriodZ)
{
    public static StaggeredLayout3D CellCentred(MacGrid3D g, FlowBoundary3D b) => Make(g, b, 0, 0, 0);
    public static StaggeredLayout3D UFaces(MacGrid3D g, FlowBoundary3D b) => Make(g, b, 1, 0, 0);
    public static StaggeredLayout3D VFaces(MacGrid3D g, FlowBoundary3D b) => Make(g, b, 0, 1, 0);
    public static StaggeredLayout3D WFaces(MacGrid3D g, FlowBoundary3D b) => Make(g, b, 0, 0, 1);

    // (dx, dy, dz) = 1 on the axis the faces are normal to: one more sample along it, offset 0 instead of ½.
    private static StaggeredLayout3D Make(MacGrid3D g, FlowBoundary3D b, int dx, int dy, int dz) =>
        new(g.Nx + dx, g.Ny + dy, g.Nz + dz, 0.5 * (1 - dx), 0.5 * (1 - dy), 0.5 * (1 - dz),
            b.PeriodicX ? g.Nx : 0, b.PeriodicY ? g.Ny : 0, b.PeriodicZ ? g.Nz : 0);

    public int Count => Columns * Rows * Layers;

    public double X(int a, double h) => (a + OffsetX) * h;
    public double Y(int b, double h) => (b + OffsetY) * h;
    public double Z(int c, double h) => (c + OffsetZ) * h;
}
