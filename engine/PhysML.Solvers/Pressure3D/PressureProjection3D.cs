using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;
using PhysML.Solvers.Pressure;

namespace PhysML.Solvers.Pressure3D;

/// <summary>
/// Chorin's projection on a 3D MAC grid (Chorin 1968; Bridson, Fluid Simulation for Computer Graphics, 2nd ed.,
/// ch. 5), the 3D counterpart of <see cref="PressureProjection2D"/>: φ solves A φ = b with A = −h²∇²
/// (<see cref="PressurePoisson3D"/>) and b = −h²·div u, then u ← u − ∇φ on every face the pressure owns. φ is in
/// m²/s; the physical pressure is p = ρ·φ/Δt (Pa).
/// <para>
/// Prescribed faces (Neumann for φ): faces on NoSlip/FreeSlip/Inflow sides and every face touching a solid cell
/// (velocity 0 for static obstacles, or <c>solidVelocity</c>'s). Outflow sides are open: φ = 0 in the ghost cell.
/// Every connected fluid region that touches no outflow face ("floating": a closed box, or a pocket sealed off by
/// obstacles) has its right-hand side's mean removed, and φ's mean pinned to 0 afterwards, exactly as in 2D.
/// </para>
/// Keeps its workspace between frames; not thread-safe (one instance per concurrent simulation).
/// </summary>
public sealed class PressureProjection3D
{
    private IPoissonSolver _solver;
    private readonly double[] _rhs;
    private PressurePoisson3D? _poisson;
    private readonly PoissonNullSpace _nullSpace = new();

    public PressureProjection3D(MacGrid3D grid, FlowBoundary3D boundary, SolverOptions options, ParallelOptions? parallel = null,
        PressurePreconditioner preconditioner = PressurePreconditioner.None, IPoissonSolver? solver = null)
    {
        Grid = grid;
        Boundary = boundary;
        Options = options;
        _solver = solver ?? new CpuPoissonSolver(preconditioner, options, parallel);
        _rhs = new double[grid.CellCount];
    }

    public MacGrid3D Grid { get; }
    public FlowBoundary3D Boundary { get; }
    public SolverOptions Options { get; }

    /// <summary>The solver of the pressure system (CPU CG with the preconditioner asked for, unless one was given).</summary>
    public IPoissonSolver Solver => _solver;

    /// <summary>Solves with <paramref name="solver"/> from the next <see cref="Project"/> on (a run-time switch of
    /// preconditioner or backend, at a frame boundary) and returns the previous solver, for its owner to dispose.
    /// φ, the warm start, is kept.</summary>
    public IPoissonSolver UseSolver(IPoissonSolver solver)
    {
        ArgumentNullException.ThrowIfNull(solver);
        var previous = _solver;
        _solver = solver;
        return previous;
    }

    /// <summary>The right-hand side b of the last solve (−h²·div, null space removed).</summary>
    public ReadOnlySpan<double> LastRightHandSide => _rhs;

    /// <summary>The operator of the last <see cref="Project"/> (null before the first).</summary>
    public PressurePoisson3D? Operator => _poisson;

    /// <summary>
    /// Projects <paramref name="velocity"/> in place: enforces the boundary and obstacle normal velocities, solves for φ
    /// (warm-started from <paramref name="phi"/>; φ is left there, m²/s) and subtracts ∇φ. Does not throw when the
    /// solve stops above tolerance (check <see cref="SolveInfo.Converged"/> or call <see cref="SolveInfo.EnsureConverged"/>).
    /// </summary>
    public SolveInfo Project(MacVelocity3D velocity, ReadOnlySpan<CellKind> cells, Span<double> phi, MacVelocity3D? solidVelocity = null)
    {
        var g = Grid;
        if (velocity.Grid != g)
            throw new ArgumentException($"velocity grid {velocity.Grid} differs from the projection's grid {g}", nameof(velocity));
        if (cells.Length != g.CellCount)
            throw new ArgumentException($"{cells.Length} cell kinds given for a {g.Nx}×{g.Ny}×{g.Nz} grid", nameof(cells));
        if (phi.Length != g.CellCount)
            throw new ArgumentException($"φ has {phi.Length} values for a {g.Nx}×{g.Ny}×{g.Nz} grid", nameof(phi));

        if (_poisson is null) _poisson = new PressurePoisson3D(g, Boundary, cells);
        else _poisson.SetCells(cells);
        var a = _poisson;

        EnforceBoundaries(velocity, cells, solidVelocity);
        BuildRightHandSide(velocity, a);
        for (var n = 0; n < phi.Length; n++)
            if (!a.IsUnknown(n)) phi[n] = 0; // identity rows with b = 0: start them at their solution.
        if (a.IsSingular) _nullSpace.RemoveRegionMeans(a, _rhs);

        _nullSpace.DiscardAWorseThanZeroWarmStart(a, _rhs, phi);
        var info = _solver.Solve(a, _rhs, phi);

        // Pin φ's free constant per floating region to 0, so φ is reproducible and a warm start carries no offset.
        if (a.IsSingular) _nullSpace.RemoveRegionMeans(a, phi);
        SubtractGradient(velocity, a, phi);
        return info;
    }

    /// <summary>The largest |div u| over fluid cells, 1/s (0 when there are none).</summary>
    public static double MaxDivergence(MacVelocity3D velocity, ReadOnlySpan<CellKind> cells)
    {
        var g = velocity.Grid;
        if (cells.Length != g.CellCount)
            throw new ArgumentException($"{cells.Length} cell kinds given for a {g.Nx}×{g.Ny}×{g.Nz} grid", nameof(cells));
        var max = 0.0;
        for (var k = 0; k < g.Nz; k++)
            for (var j = 0; j < g.Ny; j++)
                for (var i = 0; i < g.Nx; i++)
                    if (cells[g.Cell(i, j, k)] == CellKind.Fluid)
                        max = Math.Max(max, Math.Abs(velocity.Divergence(i, j, k)));
        return max;
    }

    /// <summary>
    /// Sets the normal velocities that are not the pressure's to decide: faces touching solids first (0, or
    /// <paramref name="solidVelocity"/>'s value), then the domain sides where the inner cell is fluid (walls 0, inflow
    /// its profile pointing inward, outflow a copy of the next interior face, periodic: the low face is kept).
    /// </summary>
    public void EnforceBoundaries(MacVelocity3D velocity, ReadOnlySpan<CellKind> cells, MacVelocity3D? solidVelocity = null)
    {
        var g = Grid;
        var b = Boundary;
        var (nx, ny, nz) = (g.Nx, g.Ny, g.Nz);
        var (u, v, w) = (velocity.U, velocity.V, velocity.W);
        bool Solid(ReadOnlySpan<CellKind> c, int i, int j, int k) => c[g.Cell(i, j, k)] == CellKind.Solid;

        // Obstacles: a face with a solid cell on either side (periodic wrap included) carries the obstacle's velocity.
        for (var k = 0; k < nz; k++)
            for (var j = 0; j < ny; j++)
                for (var i = 0; i <= nx; i++)
                {
                    var lo = i > 0 ? Solid(cells, i - 1, j, k) : b.PeriodicX && Solid(cells, nx - 1, j, k);
                    var hi = i < nx ? Solid(cells, i, j, k) : b.PeriodicX && Solid(cells, 0, j, k);
                    if (lo || hi) u[g.U(i, j, k)] = solidVelocity?.U[g.U(i, j, k)] ?? 0;
                }
        for (var k = 0; k < nz; k++)
            for (var j = 0; j <= ny; j++)
                for (var i = 0; i < nx; i++)
                {
                    var lo = j > 0 ? Solid(cells, i, j - 1, k) : b.PeriodicY && Solid(cells, i, ny - 1, k);
                    var hi = j < ny ? Solid(cells, i, j, k) : b.PeriodicY && Solid(cells, i, 0, k);
                    if (lo || hi) v[g.V(i, j, k)] = solidVelocity?.V[g.V(i, j, k)] ?? 0;
                }
        for (var k = 0; k <= nz; k++)
            for (var j = 0; j < ny; j++)
                for (var i = 0; i < nx; i++)
                {
                    var lo = k > 0 ? Solid(cells, i, j, k - 1) : b.PeriodicZ && Solid(cells, i, j, nz - 1);
                    var hi = k < nz ? Solid(cells, i, j, k) : b.PeriodicZ && Solid(cells, i, j, 0);
                    if (lo || hi) w[g.W(i, j, k)] = solidVelocity?.W[g.W(i, j, k)] ?? 0;
                }

        // Domain sides; (s, t) are the fractions along the side's tangential axes, for inflow profiles.
        for (var k = 0; k < nz; k++)
            for (var j = 0; j < ny; j++)
            {
                double s = (j + 0.5) / ny, t = (k + 0.5) / nz;
                int first = g.U(0, j, k), last = g.U(nx, j, k);
                if (!Solid(cells, 0, j, k)) u[first] = SideValue(b.Left, s, t, b.PeriodicY, b.PeriodicZ, +1, u[first], nx > 1 ? u[first + 1] : u[first]);
                if (!Solid(cells, nx - 1, j, k)) u[last] = SideValue(b.Right, s, t, b.PeriodicY, b.PeriodicZ, -1, u[last], nx > 1 ? u[last - 1] : u[last]);
                if (b.PeriodicX) u[last] = u[first];
            }
        for (var k = 0; k < nz; k++)
            for (var i = 0; i < nx; i++)
            {
                double s = (i + 0.5) / nx, t = (k + 0.5) / nz;
                int first = g.V(i, 0, k), last = g.V(i, ny, k);
                if (!Solid(cells, i, 0, k)) v[first] = SideValue(b.Bottom, s, t, b.PeriodicX, b.PeriodicZ, +1, v[first], ny > 1 ? v[first + nx] : v[first]);
                if (!Solid(cells, i, ny - 1, k)) v[last] = SideValue(b.Top, s, t, b.PeriodicX, b.PeriodicZ, -1, v[last], ny > 1 ? v[last - nx] : v[last]);
                if (b.PeriodicY) v[last] = v[first];
            }
        var plane = nx * ny;
        for (var j = 0; j < ny; j++)
            for (var i = 0; i < nx; i++)
            {
                double s = (i + 0.5) / nx, t = (j + 0.5) / ny;
                int first = g.W(i, j, 0), last = g.W(i, j, nz);
                if (!Solid(cells, i, j, 0)) w[first] = SideValue(b.Back, s, t, b.PeriodicX, b.PeriodicY, +1, w[first], nz > 1 ? w[first + plane] : w[first]);
                if (!Solid(cells, i, j, nz - 1)) w[last] = SideValue(b.Front, s, t, b.PeriodicX, b.PeriodicY, -1, w[last], nz > 1 ? w[last - plane] : w[last]);
                if (b.PeriodicZ) w[last] = w[first];
            }
    }

    // The normal velocity of one side face; `inward` is +1 on the low sides (left, bottom, back), −1 on the high ones.
    private static double SideValue(FlowSide side, double s, double t, bool periodicS, bool periodicT, int inward,
        double current, double interior) => side.Kind switch
    {
        SideKind.NoSlip or SideKind.FreeSlip => 0,
        SideKind.Inflow => inward * FlowBoundary3D.InflowSpeedAt(side, s, t, periodicS, periodicT),
        SideKind.Outflow => interior, // zero normal gradient; the projection then corrects it.
        _ => current, // Periodic: handled by the caller.
    };

    // b = −h²·div u = −h·(net outflow of the cell's faces), zero on identity rows.
    private void BuildRightHandSide(MacVelocity3D velocity, PressurePoisson3D a)
    {
        var g = Grid;
        var h = g.CellSize;
        for (var k = 0; k < g.Nz; k++)
            for (var j = 0; j < g.Ny; j++)
                for (var i = 0; i < g.Nx; i++)
                {
                    var n = g.Cell(i, j, k);
                    _rhs[n] = a.IsUnknown(n) ? -h * h * velocity.Divergence(i, j, k) : 0;
                }
    }

    // u ← u − ∇φ on the faces the pressure owns: between two unknowns (wrap included), or between an unknown and an
    // outflow ghost (φ = 0). Faces touching a solid or on a Neumann side are skipped, so no prescribed velocity changes.
    private void SubtractGradient(MacVelocity3D velocity, PressurePoisson3D a, ReadOnlySpan<double> phi)
    {
        var g = Grid;
        var b = Boundary;
        var (nx, ny, nz) = (g.Nx, g.Ny, g.Nz);
        var plane = nx * ny;
        var inv = 1 / g.CellSize;
        var (u, v, w) = (velocity.U, velocity.V, velocity.W);

        for (var k = 0; k < nz; k++)
            for (var j = 0; j < ny; j++)
            {
                for (var i = 1; i < nx; i++)
                {
                    int lo = g.Cell(i - 1, j, k), hi = lo + 1;
                    if (a.IsUnknown(lo) && a.IsUnknown(hi)) u[g.U(i, j, k)] -= (phi[hi] - phi[lo]) * inv;
                }
                Sides(u, g.U(0, j, k), g.U(nx, j, k), g.Cell(0, j, k), g.Cell(nx - 1, j, k), b.PeriodicX, b.Left, b.Right, a, phi, inv);
            }
        for (var k = 0; k < nz; k++)
            for (var i = 0; i < nx; i++)
            {
                for (var j = 1; j < ny; j++)
                {
                    int lo = g.Cell(i, j - 1, k), hi = lo + nx;
                    if (a.IsUnknown(lo) && a.IsUnknown(hi)) v[g.V(i, j, k)] -= (phi[hi] - phi[lo]) * inv;
                }
                Sides(v, g.V(i, 0, k), g.V(i, ny, k), g.Cell(i, 0, k), g.Cell(i, ny - 1, k), b.PeriodicY, b.Bottom, b.Top, a, phi, inv);
            }
        for (var j = 0; j < ny; j++)
            for (var i = 0; i < nx; i++)
            {
                for (var k = 1; k < nz; k++)
                {
                    int lo = g.Cell(i, j, k - 1), hi = lo + plane;
                    if (a.IsUnknown(lo) && a.IsUnknown(hi)) w[g.W(i, j, k)] -= (phi[hi] - phi[lo]) * inv;
                }
                Sides(w, g.W(i, j, 0), g.W(i, j, nz), g.Cell(i, j, 0), g.Cell(i, j, nz - 1), b.PeriodicZ, b.Back, b.Front, a, phi, inv);
            }
    }

    // The two side faces of one line of cells along an axis: the wrap face when periodic (the high face copies the
    // low one), else the outflow faces, whose ghost cell has φ = 0.
    private static void Sides(double[] face, int lowFace, int highFace, int firstCell, int lastCell, bool periodic,
        FlowSide low, FlowSide high, PressurePoisson3D a, ReadOnlySpan<double> phi, double inv)
    {
        if (periodic)
        {
            if (a.IsUnknown(firstCell) && a.IsUnknown(lastCell)) face[lowFace] -= (phi[firstCell] - phi[lastCell]) * inv;
            face[highFace] = face[lowFace];
            return;
        }
        if (low.Kind == SideKind.Outflow && a.IsUnknown(firstCell)) face[lowFace] -= phi[firstCell] * inv;
        if (high.Kind == SideKind.Outflow && a.IsUnknown(lastCell)) face[highFace] += phi[lastCell] * inv;
    }
}
