using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;

namespace PhysML.Solvers.Pressure3D;

/// <summary>
/// The 7-point pressure Poisson operator A = −h²∇² of a 3D MAC grid over all Nx·Ny·Nz cells (Bridson, Fluid
/// Simulation for Computer Graphics, 2nd ed., §5.4), matrix-free, the 3D counterpart of
/// <see cref="Pressure.PressurePoisson2D"/>: it keeps only the diagonal and the +x, +y, +z couplings of each cell
/// (Bridson's Adiag, Aplusi, Aplusj, Aplusk); the rest follows from symmetry.
/// <para>
/// Row of a fluid cell: each of its six faces adds, by what lies across it, a fluid cell (in the domain or wrapped
/// across a periodic side): +1 to the diagonal, −1 to that cell's column; a solid cell or a NoSlip/FreeSlip/Inflow
/// side: nothing (Neumann, the face velocity is prescribed); an Outflow side: +1 to the diagonal (Dirichlet φ = 0 in
/// the ghost cell one h beyond the side).
/// </para>
/// <para>
/// Solid cells, and fluid cells with neither a fluid neighbour nor an outflow face (sealed pockets), get identity
/// rows: A stays symmetric and, with a zero right-hand side there, CG leaves them at 0. A connected fluid region that
/// touches no outflow face is "floating" (its rows sum to zero; null space = its constant vector);
/// <see cref="PressureProjection3D"/> makes the right-hand side compatible per floating region.
/// </para>
/// </summary>
public sealed class PressurePoisson3D : IPoissonStencil
{
    private readonly CellKind[] _cells;
    private readonly double[] _diagonal;
    // Coupling (0 or 1) across the +x (east), +y (north) and +z (front) face of each cell, periodic wrap faces included.
    private readonly double[] _east;
    private readonly double[] _north;
    private readonly double[] _front;
    private readonly int[] _region;
    private readonly int[] _stack;
    private bool[] _floating = Array.Empty<bool>();

    public PressurePoisson3D(MacGrid3D grid, FlowBoundary3D boundary, ReadOnlySpan<CellKind> cells)
    {
        Grid = grid;
        Boundary = boundary;
        var n = grid.CellCount;
        _cells = new CellKind[n];
        _diagonal = new double[n];
        _east = new double[n];
        _north = new double[n];
        _front = new double[n];
        _region = new int[n];
        _stack = new int[n];
        Rebuild(cells);
    }

    public MacGrid3D Grid { get; }
    public FlowBoundary3D Boundary { get; }
    public int Size => Grid.CellCount;

    public StencilShape Shape => new(Grid.Nx, Grid.Ny, Grid.Nz, Boundary.PeriodicX, Boundary.PeriodicY, Boundary.PeriodicZ);

    /// <summary>Diagonal of A per cell (1 on identity rows).</summary>
    public ReadOnlySpan<double> Diagonal => _diagonal;

    /// <summary>Coupling (0 or 1) across each cell's +x face, the periodic wrap face included; A's entry is −East.</summary>
    public ReadOnlySpan<double> East => _east;

    /// <summary>Coupling (0 or 1) across each cell's +y face; A's entry is −North.</summary>
    public ReadOnlySpan<double> North => _north;

    /// <summary>Coupling (0 or 1) across each cell's +z face; A's entry is −Front.</summary>
    public ReadOnlySpan<double> Front => _front;

    /// <summary>Counts stencil rebuilds, so preconditioners know when to refactor.</summary>
    public int Version { get; private set; }

    /// <summary>The cell kinds the operator was built for (a copy).</summary>
    public ReadOnlySpan<CellKind> Cells => _cells;

    /// <summary>True when some fluid region touches no outflow face, so A is singular (semi-definite).</summary>
    public bool IsSingular { get; private set; }

    /// <summary>The number of connected fluid regions (cells joined through fluid faces, periodic wraps included).</summary>
    public int RegionCount { get; private set; }

    /// <summary>True when cell <paramref name="n"/> is a pressure unknown: fluid, with a fluid neighbour or an outflow face.</summary>
    public bool IsUnknown(int n) => _region[n] >= 0;

    /// <summary>The connected fluid region of an unknown cell, −1 for identity rows.</summary>
    public int RegionOf(int n) => _region[n];

    /// <summary>True when <paramref name="region"/> touches no outflow face (its pressure is defined up to a constant).</summary>
    public bool IsFloating(int region) => _floating[region];

    /// <summary>Rebuilds the stencil for new cell kinds; a no-op when they are unchanged.</summary>
    public void SetCells(ReadOnlySpan<CellKind> cells)
    {
        CheckLength(cells);
        if (cells.SequenceEqual(_cells)) return;
        Rebuild(cells);
    }

    public void Apply(ReadOnlySpan<double> x, Span<double> y)
    {
        for (var k = 0; k < Grid.Nz; k++) ApplyLayer(x, y, k);
    }

    /// <summary>Layers (z-slabs) in parallel, each output written once: the same bits as the span overload.</summary>
    public void Apply(double[] x, double[] y, ParallelOptions parallel) =>
        Parallel.For(0, Grid.Nz, parallel, k => ApplyLayer(x, y, k));

    private void ApplyLayer(ReadOnlySpan<double> x, Span<double> y, int k)
    {
        var (nx, ny, nz) = (Grid.Nx, Grid.Ny, Grid.Nz);
        var plane = nx * ny;
        var (east, north, front, diagonal) = (_east, _north, _front, _diagonal);
        // Neighbouring layers and rows, wrapped: their couplings are 0 unless the side is periodic.
        var layer = k * plane;
        var backLayer = (k == 0 ? nz - 1 : k - 1) * plane;
        var frontLayer = (k == nz - 1 ? 0 : k + 1) * plane;
        for (var j = 0; j < ny; j++)
        {
            var row = j * nx;
            var below = (j == 0 ? ny - 1 : j - 1) * nx;
            var above = (j == ny - 1 ? 0 : j + 1) * nx;
            for (var i = 0; i < nx; i++)
            {
                var c = layer + row + i;
                var w = layer + row + (i == 0 ? nx - 1 : i - 1);
                var e = layer + row + (i == nx - 1 ? 0 : i + 1);
                var s = layer + below + i;
                var n = layer + above + i;
                var b = backLayer + row + i;
                var f = frontLayer + row + i;
                y[c] = diagonal[c] * x[c]
                       - east[c] * x[e] - east[w] * x[w]
                       - north[c] * x[n] - north[s] * x[s]
                       - front[c] * x[f] - front[b] * x[b];
            }
        }
    }

    private void CheckLength(ReadOnlySpan<CellKind> cells)
    {
        if (cells.Length != Size)
            throw new ArgumentException($"{cells.Length} cell kinds given for a {Grid.Nx}×{Grid.Ny}×{Grid.Nz} grid", nameof(cells));
    }

    private void Rebuild(ReadOnlySpan<CellKind> cells)
    {
        CheckLength(cells);
        Version++;
        cells.CopyTo(_cells);
        var g = Grid;
        var (nx, ny, nz) = (g.Nx, g.Ny, g.Nz);
        var b = Boundary;
        bool Fluid(int i, int j, int k) => _cells[g.Cell(i, j, k)] == CellKind.Fluid;

        for (var k = 0; k < nz; k++)
            for (var j = 0; j < ny; j++)
                for (var i = 0; i < nx; i++)
                {
                    var c = g.Cell(i, j, k);
                    var fluid = Fluid(i, j, k);
                    _east[c] = fluid && (i < nx - 1 || b.PeriodicX) && Fluid((i + 1) % nx, j, k) ? 1 : 0;
                    _north[c] = fluid && (j < ny - 1 || b.PeriodicY) && Fluid(i, (j + 1) % ny, k) ? 1 : 0;
                    _front[c] = fluid && (k < nz - 1 || b.PeriodicZ) && Fluid(i, j, (k + 1) % nz) ? 1 : 0;
                }

        // Diagonal: the fluid couplings plus one per outflow face; identity for solid cells and sealed pockets.
        for (var k = 0; k < nz; k++)
            for (var j = 0; j < ny; j++)
                for (var i = 0; i < nx; i++)
                {
                    var c = g.Cell(i, j, k);
                    _region[c] = -2; // unvisited
                    var d = 0.0;
                    if (Fluid(i, j, k))
                    {
                        var (w, s, bk) = Behind(i, j, k);
                        d = _east[c] + _east[w] + _north[c] + _north[s] + _front[c] + _front[bk] + OutflowFaces(i, j, k);
                    }
                    if (d == 0)
                    {
                        // Solid, or a sealed fluid pocket (every face prescribed, no pressure to find).
                        _diagonal[c] = 1;
                        _region[c] = -1;
                        continue;
                    }
                    _diagonal[c] = d;
                }

        LabelRegions();
    }

    // The cells on the −x, −y and −z side of (i, j, k), wrapped (the couplings say whether they are really joined).
    private (int W, int S, int B) Behind(int i, int j, int k)
    {
        var g = Grid;
        return (g.Cell(i == 0 ? g.Nx - 1 : i - 1, j, k), g.Cell(i, j == 0 ? g.Ny - 1 : j - 1, k), g.Cell(i, j, k == 0 ? g.Nz - 1 : k - 1));
    }

    private int OutflowFaces(int i, int j, int k)
    {
        var g = Grid;
        var b = Boundary;
        var count = 0;
        if (i == 0 && b.Left.Kind == SideKind.Outflow) count++;
        if (i == g.Nx - 1 && b.Right.Kind == SideKind.Outflow) count++;
        if (j == 0 && b.Bottom.Kind == SideKind.Outflow) count++;
        if (j == g.Ny - 1 && b.Top.Kind == SideKind.Outflow) count++;
        if (k == 0 && b.Back.Kind == SideKind.Outflow) count++;
        if (k == g.Nz - 1 && b.Front.Kind == SideKind.Outflow) count++;
        return count;
    }

    // Flood fill over the couplings (an explicit stack, no recursion); a region touching an outflow face is anchored.
    private void LabelRegions()
    {
        var g = Grid;
        var (nx, ny, nz) = (g.Nx, g.Ny, g.Nz);
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
                var c = _stack[--top];
                var (i, j, k) = (c % nx, c / nx % ny, c / (nx * ny));
                if (OutflowFaces(i, j, k) > 0) isFloating = false;
                var (w, s, bk) = Behind(i, j, k);
                Visit(_east[c], g.Cell(i == nx - 1 ? 0 : i + 1, j, k), label, ref top);
                Visit(_east[w], w, label, ref top);
                Visit(_north[c], g.Cell(i, j == ny - 1 ? 0 : j + 1, k), label, ref top);
                Visit(_north[s], s, label, ref top);
                Visit(_front[c], g.Cell(i, j, k == nz - 1 ? 0 : k + 1), label, ref top);
                Visit(_front[bk], bk, label, ref top);
            }
            floating.Add(isFloating);
        }
        _floating = floating.ToArray();
        RegionCount = _floating.Length;
        IsSingular = Array.IndexOf(_floating, true) >= 0;
    }

    private void Visit(double coupling, int c, int label, ref int top)
    {
        if (coupling == 0 || _region[c] != -2) return;
        _region[c] = label;
        _stack[top++] = c;
    }
}
