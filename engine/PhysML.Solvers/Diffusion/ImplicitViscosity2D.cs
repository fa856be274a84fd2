using PhysML.Fields.Mac;

namespace PhysML.Solvers.Diffusion;

/// <summary>
/// Viscosity of an incompressible flow on a MAC grid by backward Euler: (I − ν·dt·∇²) uⁿ⁺¹ = uⁿ, solved for u and v
/// separately, each on its own faces, with conjugate gradient warm-started from the current velocity
/// (Bridson, Fluid Simulation for Computer Graphics, 2nd ed., ch. 10). Unconditionally stable, so ν·dt/h² may be
/// far above the explicit limit ¼. The component-wise form treats ν as uniform (∇·(ν∇u) = ν∇²u for constant ν).
/// <para>
/// Which faces are unknowns, and the ghosts at sides and obstacles, are described on
/// <see cref="ViscosityOperator2D"/>. Fixed faces (on solids, NoSlip/FreeSlip/Inflow normal faces) are never written.
/// </para>
/// Keeps its workspace between steps; not thread-safe (one instance per concurrent simulation).
/// </summary>
public sealed class ImplicitViscosity2D
{
    // One solver per component: ConjugateGradient reallocates its workspace whenever the size changes, and u and v
    // generally have different numbers of free faces.
    private readonly ConjugateGradient _uSolver;
    private readonly ConjugateGradient _vSolver;
    private readonly double[] _rhs;
    private readonly double[] _solution;

    public ImplicitViscosity2D(MacGrid2D grid, FlowBoundary boundary, SolverOptions options)
    {
        if (grid.Nx < 1 || grid.Ny < 1 || !(grid.CellSize > 0) || !double.IsFinite(grid.CellSize))
            throw new ArgumentException($"grid {grid} needs at least one cell and a finite cell size > 0", nameof(grid));
        foreach (var (side, message) in boundary.Problems())
            throw new ArgumentException($"{side} side: {message}", nameof(boundary));
        Grid = grid;
        Boundary = boundary;
        Options = options;
        UOperator = new ViscosityOperator2D(grid, boundary, VelocityComponent.U);
        VOperator = new ViscosityOperator2D(grid, boundary, VelocityComponent.V);
        _uSolver = new ConjugateGradient(options);
        _vSolver = new ConjugateGradient(options);
        var faces = Math.Max(grid.UCount, grid.VCount);
        _rhs = new double[faces];
        _solution = new double[faces];
    }

    public MacGrid2D Grid { get; }
    public FlowBoundary Boundary { get; }
    public SolverOptions Options { get; }

    /// <summary>The u operator, as prepared by the last <see cref="Apply"/> with ν·dt &gt; 0.</summary>
    public ViscosityOperator2D UOperator { get; }

    /// <summary>The v operator, as prepared by the last <see cref="Apply"/> with ν·dt &gt; 0.</summary>
    public ViscosityOperator2D VOperator { get; }

    /// <summary>
    /// Diffuses <paramref name="velocity"/> in place over one step: <paramref name="viscosityTimesDt"/> is ν·dt in m²
    /// (kinematic viscosity m²/s times the step in s). ν·dt = 0 returns at once with zero-iteration infos.
    /// Returns each solve's figures; does not throw when a solve stops above tolerance (check
    /// <see cref="SolveInfo.Converged"/> or call <see cref="SolveInfo.EnsureConverged"/>).
    /// </summary>
    public (SolveInfo U, SolveInfo V) Apply(MacVelocity2D velocity, ReadOnlySpan<CellKind> cells, double viscosityTimesDt)
    {
        var g = Grid;
        if (velocity.Grid != g)
            throw new ArgumentException($"velocity grid {velocity.Grid} differs from the viscosity's grid {g}", nameof(velocity));
        if (cells.Length != g.CellCount)
            throw new ArgumentException($"{cells.Length} cell kinds given for a {g.Nx}×{g.Ny} grid", nameof(cells));
        ViscosityOperator3D.RequireViscosityTimesDt(viscosityTimesDt);
        if (viscosityTimesDt == 0)
        {
            var nothing = ImplicitViscosity3D.Nothing(Options);
            return (nothing, nothing);
        }
        var u = ImplicitViscosity3D.Diffuse(UOperator.Layer, _uSolver, velocity.U, cells, viscosityTimesDt, _rhs, _solution);
        var v = ImplicitViscosity3D.Diffuse(VOperator.Layer, _vSolver, velocity.V, cells, viscosityTimesDt, _rhs, _solution);
        return (u, v);
    }
}
