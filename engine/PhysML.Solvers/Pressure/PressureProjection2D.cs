using PhysML.Fields.Mac;

namespace PhysML.Solvers.Pressure;

/// <summary>
/// Chorin's projection on a MAC grid (Chorin 1968; Bridson, Fluid Simulation for Computer Graphics, 2nd ed., ch. 5):
/// makes a velocity field discretely divergence-free in every fluid cell by subtracting the gradient of a potential φ.
/// <para>
/// φ solves A φ = b with A = −h²∇² (<see cref="PressurePoisson2D"/>) and b = −h²·div u, i.e. ∇²φ = div u, and then
/// u ← u − ∇φ on every face that is not prescribed. φ is in m²/s; the physical pressure is p = ρ·φ/Δt (Pa), because
/// the projection step u ← u − (Δt/ρ)∇p is the same update.
/// </para>
/// <para>
/// Prescribed faces (Neumann for φ): faces on NoSlip/FreeSlip/Inflow sides and every face touching a solid cell
/// (static obstacles, velocity 0). Outflow sides are open: φ = 0 in the ghost cell beyond them.
/// </para>
/// Keeps its workspace between frames; not thread-safe (one instance per concurrent simulation).
/// </summary>
public sealed class PressureProjection2D
{
    private IPoissonSolver _solver;
    private readonly double[] _rhs;
    private PressurePoisson2D? _poisson;
    private readonly PoissonNullSpace _nullSpace = new();

    public PressureProjection2D(MacGrid2D grid, FlowBoundary boundary, SolverOptions options, ParallelOptions? parallel = null,
        PressurePreconditioner preconditioner = PressurePreconditioner.None, IPoissonSolver? solver = null)
    {
        Grid = grid;
        Boundary = boundary;
        Options = options;
        _solver = solver ?? new CpuPoissonSolver(preconditioner, options, parallel);
        _rhs = new double[grid.CellCount];
    }

    public MacGrid2D Grid { get; }
    public FlowBoundary Boundary { get; }
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

    /// <summary>The right-hand side b of the last solve (−h²·div, null space removed), for exporting the system.</summary>
    public ReadOnlySpan<double> LastRightHandSide => _rhs;

    /// <summary>The operator of the last <see cref="Project"/> (null before the first).</summary>
    public PressurePoisson2D? Operator => _poisson;

    /// <summary>
    /// Projects <paramref name="velocity"/> in place: enforces the boundary and obstacle normal velocities, solves for φ
    /// (warm-started from <paramref name="phi"/>, so pass last frame's φ; φ is left there, m²/s) and subtracts ∇φ.
    /// Returns the solve's figures; does not throw when the solve stops above tolerance (check
    /// <see cref="SolveInfo.Converged"/> or call <see cref="SolveInfo.EnsureConverged"/>).
    /// </summary>
    public SolveInfo Project(MacVelocity2D velocity, ReadOnlySpan<CellKind> cells, Span<double> phi, MacVelocity2D? solidVelocity = null)
    {
        var g = Grid;
        if (velocity.Grid != g)
            throw new ArgumentException($"velocity grid {velocity.Grid} differs from the projection's grid {g}", nameof(velocity));
        if (cells.Length != g.CellCount)
            throw new ArgumentException($"{cells.Length} cell kinds given for a {g.Nx}×{g.Ny} grid", nameof(cells));
        if (phi.Length != g.CellCount)
            throw new ArgumentException($"φ has {phi.Length} values for a {g.Nx}×{g.Ny} grid", nameof(phi));

        if (_poisson is null) _poisson = new PressurePoisson2D(g, Boundary, cells);
        else _poisson.SetCells(cells);
        var a = _poisson;

        EnforceBoundaries(velocity, cells, solidVelocity);
        BuildRightHandSide(velocity, a);
        for (var k = 0; k < phi.Length; k++)
            if (!a.IsUnknown(k)) phi[k] = 0; // identity rows with b = 0: start them at their solution.
        if (a.IsSingular) _nullSpace.RemoveRegionMeans(a, _rhs);

        _nullSpace.DiscardAWorseThanZeroWarmStart(a, _rhs, phi);
        var info = _solver.Solve(a, _rhs, phi);

        // The solve may drift along the null space (constants per floating region); pin φ's mean there to 0 so φ is
        // reproducible and a warm start next frame does not carry an arbitrary offset. ∇φ is unaffected.
        if (a.IsSingular) _nullSpace.RemoveRegionMeans(a, phi);
        SubtractGradient(velocity, a, phi);
        return info;
    }

    /// <summary>The largest |div u| over fluid cells, 1/s (0 when there are none).</summary>
    public static double MaxDivergence(MacVelocity2D velocity, ReadOnlySpan<CellKind> cells)
    {
        var g = velocity.Grid;
        if (cells.Length != g.CellCount)
            throw new ArgumentException($"{cells.Length} cell kinds given for a {g.Nx}×{g.Ny} grid", nameof(cells));
        var max = 0.0;
        for (var j = 0; j < g.Ny; j++)
            for (var i = 0; i < g.Nx; i++)
                if (cells[g.Cell(i, j)] == CellKind.Fluid)
                    max = Math.Max(max, Math.Abs(velocity.Divergence(i, j)));
        return max;
    }

    /// <summary>
    /// Step (a) of <see cref="Project"/>, public so other operators (viscosity) can see prescribed values: sets the
    /// normal velocities that are not the pressure's to decide. Order matters: faces touching solids first, so an
    /// outflow face copies an already-zeroed interior face and a side's value never overrides an obstacle.
    /// </summary>
    /// <param name="velocity">The face velocities, changed in place.</param>
    /// <param name="cells">Which cells are solid.</param>
    /// <param name="solidVelocity">The velocity of moving obstacles on the faces that touch them; null for static
    /// obstacles (those faces carry 0).</param>
    public void EnforceBoundaries(MacVelocity2D velocity, ReadOnlySpan<CellKind> cells, MacVelocity2D? solidVelocity = null)
    {
        var g = Grid;
        var (nx, ny) = (g.Nx, g.Ny);
        var u = velocity.U;
        var v = velocity.V;
        bool Solid(ReadOnlySpan<CellKind> c, int i, int j) => c[g.Cell(i, j)] == CellKind.Solid;

        // Obstacles: every face with a solid cell on either side (periodic wrap included) carries the obstacle's
        // velocity (0 when static).
        for (var j = 0; j < ny; j++)
        {
            for (var i = 0; i <= nx; i++)
            {
                var leftSolid = i > 0 ? Solid(cells, i - 1, j) : Boundary.PeriodicX && Solid(cells, nx - 1, j);
                var rightSolid = i < nx ? Solid(cells, i, j) : Boundary.PeriodicX && Solid(cells, 0, j);
                if (leftSolid || rightSolid) u[g.U(i, j)] = solidVelocity?.U[g.U(i, j)] ?? 0;
            }
        }
        for (var j = 0; j <= ny; j++)
        {
            for (var i = 0; i < nx; i++)
            {
                var belowSolid = j > 0 ? Solid(cells, i, j - 1) : Boundary.PeriodicY && Solid(cells, i, ny - 1);
                var aboveSolid = j < ny ? Solid(cells, i, j) : Boundary.PeriodicY && Solid(cells, i, 0);
                if (belowSolid || aboveSolid) v[g.V(i, j)] = solidVelocity?.V[g.V(i, j)] ?? 0;
            }
        }

        // Domain sides, each face set only where its inner cell is fluid (a solid there already made it 0).
        for (var j = 0; j < ny; j++)
        {
            var s = (j + 0.5) / ny;
            if (!Solid(cells, 0, j))
                u[g.U(0, j)] = SideValue(Boundary.Left, s, +1, u[g.U(0, j)], nx > 1 ? u[g.U(1, j)] : u[g.U(0, j)]);
            if (!Solid(cells, nx - 1, j))
                u[g.U(nx, j)] = SideValue(Boundary.Right, s, -1, u[g.U(nx, j)], nx > 1 ? u[g.U(nx - 1, j)] : u[g.U(nx, j)]);
            // Periodic: faces 0 and Nx are one face; face 0 is the one kept.
            if (Boundary.PeriodicX) u[g.U(nx, j)] = u[g.U(0, j)];
        }
        for (var i = 0; i < nx; i++)
        {
            var s = (i + 0.5) / nx;
            if (!Solid(cells, i, 0))
                v[g.V(i, 0)] = SideValue(Boundary.Bottom, s, +1, v[g.V(i, 0)], ny > 1 ? v[g.V(i, 1)] : v[g.V(i, 0)]);
            if (!Solid(cells, i, ny - 1))
                v[g.V(i, ny)] = SideValue(Boundary.Top, s, -1, v[g.V(i, ny)], ny > 1 ? v[g.V(i, ny - 1)] : v[g.V(i, ny)]);
            if (Boundary.PeriodicY) v[g.V(i, ny)] = v[g.V(i, 0)];
        }
    }

    // The normal velocity of one side face. `inward` is +1 where the domain lies in the axis' positive direction
    // (left, bottom) and −1 otherwise, so an inflow always points into the domain.
    private static double SideValue(FlowSide side, double s, int inward, double current, double interior) => side.Kind switch
    {
        SideKind.NoSlip or SideKind.FreeSlip => 0,
        SideKind.Inflow => inward * side.InflowSpeedAt(s),
        SideKind.Outflow => interior, // zero normal gradient; the projection then corrects it.
        _ => current, // Periodic: handled by the caller.
    };

    // (b) b = −h²·div u = −h·(net outflow of the cell's faces), zero on identity rows.
    private void BuildRightHandSide(MacVelocity2D velocity, PressurePoisson2D a)
    {
        var g = Grid;
        var h = g.CellSize;
        for (var j = 0; j < g.Ny; j++)
        {
            for (var i = 0; i < g.Nx; i++)
            {
                var k = g.Cell(i, j);
                _rhs[k] = a.IsUnknown(k) ? -h * h * velocity.Divergence(i, j) : 0;
            }
        }
    }

    // (e) u ← u − ∇φ on the faces the pressure owns: between two unknowns (wrap included), or between an unknown and
    // an outflow ghost (φ = 0). Faces between two fluid cells always join two unknowns, and faces touching a solid or
    // on a Neumann side are skipped, so no prescribed velocity changes.
    private void SubtractGradient(MacVelocity2D velocity, PressurePoisson2D a, ReadOnlySpan<double> phi)
    {
        var g = Grid;
        var (nx, ny) = (g.Nx, g.Ny);
        var inv = 1 / g.CellSize;
        var u = velocity.U;
        var v = velocity.V;

        for (var j = 0; j < ny; j++)
        {
            for (var i = 1; i < nx; i++)
            {
                int l = g.Cell(i - 1, j), r = g.Cell(i, j);
                if (a.IsUnknown(l) && a.IsUnknown(r)) u[g.U(i, j)] -= (phi[r] - phi[l]) * inv;
            }
            int first = g.Cell(0, j), last = g.Cell(nx - 1, j);
            if (Boundary.PeriodicX)
            {
                if (a.IsUnknown(first) && a.IsUnknown(last)) u[g.U(0, j)] -= (phi[first] - phi[last]) * inv;
                u[g.U(nx, j)] = u[g.U(0, j)];
                continue;
            }
            if (Boundary.Left.Kind == SideKind.Outflow && a.IsUnknown(first)) u[g.U(0, j)] -= phi[first] * inv;
            if (Boundary.Right.Kind == SideKind.Outflow && a.IsUnknown(last)) u[g.U(nx, j)] += phi[last] * inv;
        }

        for (var i = 0; i < nx; i++)
        {
            for (var j = 1; j < ny; j++)
            {
                int below = g.Cell(i, j - 1), above = g.Cell(i, j);
                if (a.IsUnknown(below) && a.IsUnknown(above)) v[g.V(i, j)] -= (phi[above] - phi[below]) * inv;
            }
            int first = g.Cell(i, 0), last = g.Cell(i, ny - 1);
            if (Boundary.PeriodicY)
            {
                if (a.IsUnknown(first) && a.IsUnknown(last)) v[g.V(i, 0)] -= (phi[first] - phi[last]) * inv;
                v[g.V(i, ny)] = v[g.V(i, 0)];
                continue;
            }
            if (Boundary.Bottom.Kind == SideKind.Outflow && a.IsUnknown(first)) v[g.V(i, 0)] -= phi[first] * inv;
            if (Boundary.Top.Kind == SideKind.Outflow && a.IsUnknown(last)) v[g.V(i, ny)] += phi[last] * inv;
        }
    }
}
