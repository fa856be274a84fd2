using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;

namespace PhysML.Solvers.Diffusion;

/// <summary>
/// Viscosity of an incompressible flow on a 3D MAC grid by backward Euler, (I − ν·dt·∇²) uⁿ⁺¹ = uⁿ, solved for u, v
/// and w separately, each on its own faces (<see cref="ViscosityOperator3D"/>), by conjugate gradient warm-started from
/// the current velocity: the 3D counterpart of <see cref="ImplicitViscosity2D"/> (Bridson, Fluid Simulation for
/// Computer Graphics, 2nd ed., ch. 10). Unconditionally stable; ν is uniform, so ∇·(ν∇u) = ν∇²u per component.
/// Fixed faces (on solids, NoSlip/FreeSlip/Inflow normal faces) are never written; give them their prescribed values
/// first. With <c>parallel</c>, the operator and CG's vector work are threaded; the result does not depend on the
/// thread count (bitwise).
/// Keeps its workspace between steps; not thread-safe (one instance per concurrent simulation).
/// </summary>
public sealed class ImplicitViscosity3D
{
    private readonly ViscosityOperator3D[] _operators;
    // One solver per component: ConjugateGradient regrows its workspace by size, and the components' free-face counts differ.
    private readonly ConjugateGradient[] _solvers;
    private readonly double[] _rhs;
    private readonly double[] _solution;

    public ImplicitViscosity3D(MacGrid3D grid, FlowBoundary3D boundary, SolverOptions options, ParallelOptions? parallel = null)
    {
        if (grid.Nx < 1 || grid.Ny < 1 || grid.Nz < 1 || !(grid.CellSize > 0) || !double.IsFinite(grid.CellSize))
            throw new ArgumentException($"grid {grid} needs at least one cell and a finite cell size > 0", nameof(grid));
        foreach (var (side, message) in boundary.Problems())
            throw new ArgumentException($"{side} side: {message}", nameof(boundary));
        Grid = grid;
        Boundary = boundary;
        Options = options;
        _operators = [.. new[] { VelocityComponent.U, VelocityComponent.V, VelocityComponent.W }
            .Select(c => new ViscosityOperator3D(grid, boundary, c))];
        _solvers = [.. _operators.Select(_ => new ConjugateGradient(options, parallel))];
        var faces = _operators.Max(a => a.FaceCount);
        _rhs = new double[faces];
        _solution = new double[faces];
    }

    public MacGrid3D Grid { get; }
    public FlowBoundary3D Boundary { get; }
    public SolverOptions Options { get; }

    /// <summary>The operator of one component, as prepared by the last <see cref="Apply"/> with ν·dt &gt; 0.</summary>
    public ViscosityOperator3D Operator(VelocityComponent component) => _operators[(int)component];

    /// <summary>
    /// Diffuses <paramref name="velocity"/> in place over one step: <paramref name="viscosityTimesDt"/> is ν·dt in m².
    /// ν·dt = 0 returns at once with zero-iteration infos. Returns each solve's figures; does not throw when a solve
    /// stops above tolerance (check <see cref="SolveInfo.Converged"/>).
    /// </summary>
    public (SolveInfo U, SolveInfo V, SolveInfo W) Apply(MacVelocity3D velocity, ReadOnlySpan<CellKind> cells, double viscosityTimesDt)
    {
        var g = Grid;
        if (velocity.Grid != g)
            throw new ArgumentException($"velocity grid {velocity.Grid} differs from the viscosity's grid {g}", nameof(velocity));
        if (cells.Length != g.CellCount)
            throw new ArgumentException($"{cells.Length} cell kinds given for a {g.Nx}×{g.Ny}×{g.Nz} grid", nameof(cells));
        ViscosityOperator3D.RequireViscosityTimesDt(viscosityTimesDt);
        if (viscosityTimesDt == 0)
        {
            var nothing = Nothing(Options);
            return (nothing, nothing, nothing);
        }
        return (Diffuse(_operators[0], _solvers[0], velocity.U, cells, viscosityTimesDt, _rhs, _solution),
            Diffuse(_operators[1], _solvers[1], velocity.V, cells, viscosityTimesDt, _rhs, _solution),
            Diffuse(_operators[2], _solvers[2], velocity.W, cells, viscosityTimesDt, _rhs, _solution));
    }

    /// <summary>The figures of a solve that had nothing to do (ν·dt = 0).</summary>
    internal static SolveInfo Nothing(SolverOptions options) =>
        new(ConjugateGradient.Name, 0, 0, options.RelativeTolerance, true, Array.Empty<double>(), TimeSpan.Zero);

    /// <summary>One component's backward Euler step on <paramref name="faces"/>, in place (shared with 2D).</summary>
    internal static SolveInfo Diffuse(ViscosityOperator3D a, ConjugateGradient solver, double[] faces, ReadOnlySpan<CellKind> cells,
        double viscosityTimesDt, double[] rhs, double[] solution)
    {
        a.Prepare(cells, viscosityTimesDt);
        var b = rhs.AsSpan(0, a.Size);
        var x = solution.AsSpan(0, a.Size);
        a.BuildRightHandSide(faces, b);
        a.Gather(faces, x);
        var info = solver.Solve(a, b, x);
        a.Scatter(x, faces);
        return info;
    }
}
