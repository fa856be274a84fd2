namespace PhysML.Fields.Mac;

/// <summary>
/// Where the samples of one staggered array sit: Columns × Rows samples, sample (a, b) at ((a + OffsetX)·h,
/// (b + OffsetY)·h). Cell-centred scalars have offsets (½, ½), u faces (0, ½), v faces (½, 0). Periodic axes wrap
/// with period Nx or Ny cells (a periodic u array's column Nx duplicates column 0); other axes clamp, which is the
/// zero-gradient extrapolation semi-Lagrangian schemes use at walls.
/// </summary>
public readonly record struct StaggeredLayout(int Columns, int Rows, double OffsetX, double OffsetY, int PeriodX, int PeriodY)
{
    public static StaggeredLayout CellCentred(MacGrid2D g, FlowBoundary b) =>
        new(g.Nx, g.Ny, 0.5, 0.5, b.PeriodicX ? g.Nx : 0, b.PeriodicY ? g.Ny : 0);

    public static StaggeredLayout UFaces(MacGrid2D g, FlowBoundary b) =>
        new(g.Nx + 1, g.Ny, 0.0, 0.5, b.PeriodicX ? g.Nx : 0, b.PeriodicY ? g.Ny : 0);

    public static StaggeredLayout VFaces(MacGrid2D g, FlowBoundary b) =>
        new(g.Nx, g.Ny + 1, 0.5, 0.0, b.PeriodicX ? g.Nx : 0, b.PeriodicY ? g.Ny : 0);

    public int Count => Columns * Rows;

    public double X(int a, double h) => (a + OffsetX) * h;
    public double Y(int b, double h) => (b + OffsetY) * h;
}
