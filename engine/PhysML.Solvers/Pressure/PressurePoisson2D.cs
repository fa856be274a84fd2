using PhysML.Fields.Mac;

namespace PhysML.Solvers.Pressure;

/// <summary>
/// The pressure Poisson operator A = −h²∇² of a MAC grid over all Nx·Ny cells (Bridson, Fluid Simulation for
/// Computer Graphics, 2nd ed., §5.3–5.4), matrix-free: like Bridson's Adiag/Aplusi/Aplusj it keeps only the diagonal
/// and the east and north couplings of each cell, the rest follows from symmetry.
/// <para>
/// Row of a fluid cell: each of its four faces adds, by what lies across it,
/// a fluid cell (in the domain or wrapped across a periodic side): +1 to the diagonal, −1 to that cell's column;
/// a solid cell or a NoSlip/FreeSlip/Inflow side: nothing (Neumann, the face velocity is prescribed);
/// an Outflow side: +1 to the diagonal (Dirichlet φ = 0 in the ghost cell one h beyond the side).
/// </para>
/// <para>
/// Solid cells, and fluid cells with neither a fluid neighbour nor an outflow face (sealed pockets, whose every face
/// is prescribed so projection cannot change them), get identity rows: A stays symmetric and, with a zero
/// right-hand side there, conjugate gradient leaves them at 0.
/// </para>
/// <para>
/// A connected fluid region that touches no outflow face is "floating": its rows sum to zero, so A is only positive
/// semi-definite there, with the region's constant vector as null space. <see cref="PressureProjection2D"/> makes the
/// right-hand side compatible per floating region; <see cref="IsSingular"/> says whether any exists.
/// </para>
/// </summary>
public sealed class PressurePoisson2D : IPoissonStencil
{
    private readonly CellKind[] _cells;
    private readonly double[] _diagonal;
    // _east[k]: coupling (0 or 1) across the face east of cell k, the periodic wrap face included; _north likewise.
    private readonly double[] _east;
    private readonly double[] _north;
    private readonly double[] _noFront;

    /// <summary>Diagonal of A per cell (1 on identity rows).</summary>
    public ReadOnlySpan<double> Diagonal => _diagonal;

    /// <summary>Coupling (0 or 1) across each cell's east face, the periodic wrap face included; A's entry is −East.</summary>
    public ReadOnlySpan<double> East => _east;

    /// <summary>Coupling (0 or 1) across each cell's north face; A's entry is −North.</summary>
    public ReadOnlySpan<double> North => _north;

    /// <summary>All zero: a 2D grid has no +z couplings (for <see cref="IPoissonStencil"/>).</summary>
    public ReadOnlySpan<double> Front => _noFront;

    public StencilShape Shape => new(Grid.Nx, Grid.Ny, 1, Boundary.PeriodicX, Boundary.PeriodicY, false);

    /// <summary>Counts stencil rebuilds, so preconditioners know when to refactor.</summary>
    public int Version { get; private set; }
    // Connected fluid region of each unknown cell (−1 for identity rows), and whether that region is floating.
    private readonly int[] _region;
    private readonly int[] _stack;
    private bool[] _floating = Array.Empty<bool>();

    public PressurePoisson2D(MacGrid2D grid, FlowBoundary boundary, ReadOnlySpan<CellKind> cells)
    {
        Grid = grid;
        Boundary = boundary;
        var n = grid.CellCount;
        _cells = new CellKind[n];
        _diagonal = new double[n];
        _east = new double[n];
        _north = new double[n];
        _noFront = new double[n];
        _region = new int[n];
        _stack = new int[n];
        Rebuild(cells);
    }

    public MacGrid2D Grid { get; }
    public FlowBoundary Boundary { get; }
    public int Size => Grid.CellCount;

    /// <summary>The cell kinds the operator was built for (a copy).</summary>
    public ReadOnlySpan<CellKind> Cells => _cells;

    /// <summary>
    /// True when some fluid region touches no outflow face, so A is singular (semi-definite). With no solids this is
    /// <see cref="FlowBoundary.PressureIsSingular"/>; solids can add a sealed-off region even when an outflow exists,
    /// and an all-solid grid has no fluid to be singular.
    /// </summary>
    public bool IsSingular { get; private set; }

    /// <summary>The number of connected fluid regions (cells joined through fluid faces, periodic wraps included).</summary>
    public int RegionCount { get; private set; }

    /// <summary>True when cell <paramref name="k"/> is a pressure unknown: fluid, with a fluid neighbour or an outflow face.</summary>
    public bool IsUnknown(int k) => _region[k] >= 0;

    /// <summary>The connected fluid region of an unknown cell, −1 for identity rows.</summary>
    public int RegionOf(int k) => _region[k];

    /// <summary>True when <paramref name="region"/> touches no outflow face (its pressure is defined up to a constant).</summary>
    public bool IsFloating(int region) => _floating[region];

    /// <summary>
    /// Rebuilds the stencil for new cell kinds (obstacles moved); a no-op when they are unchanged. O(Nx·Ny), about
    /// the cost of one application of the operator.
    /// </summary>
    public void SetCells(ReadOnlySpan<CellKind> cells)
    {
        if (cells.Length != Size)
            throw new ArgumentException($"{cells.Length} cell kinds given for a {Grid.Nx}×{Grid.Ny} grid", nameof(cells));
        if (cells.SequenceEqual(_cells)) return;
        Rebuild(cells);
    }

    public void Apply(ReadOnlySpan<double> x, Span<double> y) => ApplyRows(x, y, 0, Grid.Ny);

    /// <summary>Rows in parallel slabs of 32 (each output row written once), the same result as the span overload.</summary>
    public void Apply(double[] x, double[] y, ParallelOptions parallel)
    {
        const int slab = 32;
        var slabs = (Grid.Ny + slab - 1) / slab;
        Parallel.For(0, slabs, parallel, s => ApplyRows(x, y, s * slab, Math.Min(Grid.Ny, (s + 1) * slab)));
    }

    private void ApplyRows(ReadOnlySpan<double> x, Span<double> y, int firstRow, int endRow)
    {
        var (nx, ny) = (Grid.Nx, Grid.Ny);
        var east = _east;
        var north = _north;
        var diagonal = _diagonal;
        for (var j = firstRow; j < endRow; j++)
        {
            var row = j * nx;
            // Row of the cells below and above, wrapped: the couplings there are 0 unless the side is periodic.
            var below = (j == 0 ? ny - 1 : j - 1) * nx;
            var above = (j == ny - 1 ? 0 : j + 1) * nx;
            for (var i = 0; i < nx; i++)
            {
                var k = row + i;
                var w = row + (i == 0 ? nx - 1 : i - 1);
                var e = row + (i == nx - 1 ? 0 : i + 1);
                var s = below + i;
                y[k] = diagonal[k] * x[k]
                       - east[k] * x[e] - east[w] * x[w]
                       - north[k] * x[above + i] - north[s] * x[s];
            }
        }
    }

    private void Rebuild(ReadOnlySpan<CellKind> cells)
    {
        Version++;
        if (cells.Length != Size)
            throw new ArgumentException($"{cells.Length} cell kinds given for a {Grid.Nx}×{Grid.Ny} grid", nameof(cells));
        cells.CopyTo(_cells);
        var (nx, ny) = (Grid.Nx, Grid.Ny);
        var b = Boundary;
        bool Fluid(int i, int j) => _cells[Grid.Cell(i, j)] == CellKind.Fluid;

        // Couplings across each face. The east face of the last column is the periodic wrap face (or none).
        for (var j = 0; j < ny; j++)
        {
            for (var i = 0; i < nx; i++)
            {
                var k = Grid.Cell(i, j);
                var hasEast = i < nx - 1 || b.PeriodicX;
                var hasNorth = j < ny - 1 || b.PeriodicY;
                _east[k] = Fluid(i, j) && hasEast && Fluid((i + 1) % nx, j) ? 1 : 0;
                _north[k] = Fluid(i, j) && hasNorth && Fluid(i, (j + 1) % ny) ? 1 : 0;
            }
        }

        // Diagonal: the fluid couplings plus one per outflow face; identity for solid cells and sealed pockets.
        for (var j = 0; j < ny; j++)
        {
            for (var i = 0; i < nx; i++)
            {
                var k = Grid.Cell(i, j);
                _region[k] = -2; // unvisited
                if (!Fluid(i, j))
                {
                    _diagonal[k] = 1;
                    _region[k] = -1;
                    continue;
                }
                var w = Grid.Cell(i == 0 ? nx - 1 : i - 1, j);
                var s = Grid.Cell(i, j == 0 ? ny - 1 : j - 1);
                var d = _east[k] + _east[w] + _north[k] + _north[s];
                d += OutflowFaces(i, j);
                if (d == 0)
                {
                    // A sealed fluid pocket: every face prescribed, no pressure to find. Identity keeps A SPD.
                    _diagonal[k] = 1;
                    _region[k] = -1;
                    continue;
                }
                _diagonal[k] = d;
            }
        }

        LabelRegions();
    }

    private int OutflowFaces(int i, int j)
    {
        var (nx, ny) = (Grid.Nx, Grid.Ny);
        var b = Boundary;
        var count = 0;
        if (i == 0 && b.Left.Kind == SideKind.Outflow) count++;
        if (i == nx - 1 && b.Right.Kind == SideKind.Outflow) count++;
        if (j == 0 && b.Bottom.Kind == SideKind.Outflow) count++;
        if (j == ny - 1 && b.Top.Kind == SideKind.Outflow) count++;
        return count;
    }

    // Flood fill over the couplings (an explicit stack, no recursion); a region touching an outflow face is anchored.
    private void LabelRegions()
    {
        var (nx, ny) = (Grid.Nx, Grid.Ny);
        var floating = new List<bool>();
        for (var start = 0; start < Size; start++)
        {
            if (_region[start] != -2) continue;
            var label = floating.Count;
            var isFloating = true;
            var top = 0;
            _stack[top++] = start;
            _region[start] = label;
            while (top > 0)
            {
                var k = _stack[--top];
                var (i, j) = (k % nx, k / nx);
                if (OutflowFaces(i, j) > 0) isFloating = false;
                var w = Grid.Cell(i == 0 ? nx - 1 : i - 1, j);
                var e = Grid.Cell(i == nx - 1 ? 0 : i + 1, j);
                var s = Grid.Cell(i, j == 0 ? ny - 1 : j - 1);
                var n = Grid.Cell(i, j == ny - 1 ? 0 : j + 1);
                Visit(_east[k], e, label, ref top);
                Visit(_east[w], w, label, ref top);
                Visit(_north[k], n, label, ref top);
                Visit(_north[s], s, label, ref top);
            }
            floating.Add(isFloating);
        }
        _floating = floating.ToArray();
        RegionCount = _floating.Length;
        IsSingular = Array.IndexOf(_floating, true) >= 0;
    }

    private void Visit(double coupling, int k, int label, ref int top)
    {
        if (coupling == 0 || _region[k] != -2) return;
        _region[k] = label;
        _stack[top++] = k;
    }
}
