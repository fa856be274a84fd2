using PhysML.Core.Errors;
using PhysML.Fields;
using PhysML.Solvers;

namespace PhysML.Pde;

/// <summary>
/// The solution of one <see cref="PoissonProblem"/>. Stored on the problem's entity as a (managed) component.
/// <para>
/// Discretisation: the cell-centred 5-point Laplacian with ghost-cell edges, ∇²u ≈ L₀u + c (<see cref="Laplacian2D"/>),
/// second order. Moving the boundary values' part c to the right-hand side leaves the symmetric system
/// <code>  −L₀u = f + c</code>
/// solved by conjugate gradient (<see cref="NegativeLaplacianOperator"/>). With a Dirichlet edge −L₀ is positive
/// definite. With Neumann on every edge its null space is the constants and the system has a solution only if
/// Σ(f + c) = 0: the discrete form of ∫f dA + ∮∂u/∂n ds = 0 (what the sources put in must leave through the edges).
/// We check that to a relative 1e-9, then project the constant out of the right-hand side (which removes the rounding
/// that would otherwise drive CG along the null space) and out of u, returning the solution with zero mean.
/// </para>
/// </summary>
public sealed partial class PoissonSolution
{
    /// <summary>|Σ(f + c)| may be this fraction of Σ|f| + Σ|c| before an all-Neumann problem counts as incompatible.</summary>
    public const double CompatibilityTolerance = 1e-9;

    private readonly double[] _rhs;
    private readonly ConjugateGradient _cg;

    /// <exception cref="PhysMLException">All-Neumann edges and a source that does not balance the boundary flux.</exception>
    /// <exception cref="SolverNotConvergedException">CG did not reach the tolerance.</exception>
    public PoissonSolution(PoissonProblem problem)
    {
        Problem = problem;
        Grid = problem.Grid;
        U = new double[Grid.CellCount];
        Source = new double[Grid.CellCount];
        _rhs = new double[Grid.CellCount];
        _cg = new ConjugateGradient(new SolverOptions
        {
            RelativeTolerance = problem.SolverTolerance,
            MaxIterations = problem.SolverMaxIterations,
            RecordHistory = false,
        });
        Info = Solve(problem);
    }

    public PoissonProblem Problem { get; private set; }
    public Grid2D Grid { get; }

    /// <summary>u per cell, index j·Nx + i.</summary>
    public double[] U { get; }

    /// <summary>f per cell, as rasterised.</summary>
    public double[] Source { get; }

    /// <summary>The last solve's iterations and residual.</summary>
    public SolveInfo Info { get; private set; }

    /// <summary>Solves so far, the one at construction included.</summary>
    public int Solves { get; private set; } = 1;

    /// <summary>Solves (again) for a changed problem on the same grid, warm-starting from the current u.</summary>
    public void Resolve(PoissonProblem problem)
    {
        if (problem.Grid != Grid)
            throw new ArgumentException($"the grid is fixed at {Grid}; got {problem.Grid}", nameof(problem));
        Info = Solve(problem);
        Problem = problem;
        Solves++;
    }

    /// <summary>
    /// Null when the problem has a Dirichlet edge or a compatible source; otherwise what is wrong and how to fix it.
    /// </summary>
    public static string? IncompatibilityMessage(PoissonProblem problem)
    {
        if (problem.Boundary.HasDirichlet) return null;
        var grid = problem.Grid;
        var f = new double[grid.CellCount];
        var c = new double[grid.CellCount];
        problem.Source.Rasterise(grid, f);
        Laplacian2D.AddBoundaryTerm(grid, problem.Boundary, c);
        double sourceIntegral = 0, boundaryIntegral = 0, scale = 0;
        for (var k = 0; k < f.Length; k++)
        {
            sourceIntegral += f[k];
            boundaryIntegral += c[k];
            scale += Math.Abs(f[k]) + Math.Abs(c[k]);
        }
        var area = grid.Dx * grid.Dy;
        var (source, flux) = (sourceIntegral * area, boundaryIntegral * area);
        if (Math.Abs(source + flux) <= CompatibilityTolerance * scale * area) return null;
        return $"poissonProblem has Neumann conditions on every edge, so −∇²u = f has a solution only if " +
               $"∫f dA + ∮∂u/∂n ds = 0, but here ∫f dA = {source:G6} and ∮∂u/∂n ds = {flux:G6} (sum {source + flux:G6}). " +
               "Make the source's integral cancel the boundary flux (e.g. charges that sum to zero, or Neumann values " +
               "that carry the source out), or make at least one edge Dirichlet.";
    }

    private SolveInfo Solve(PoissonProblem problem)
    {
        if (IncompatibilityMessage(problem) is { } message)
            throw new PhysMLException(ErrorCodes.InvalidValue, ErrorCategory.BadInput, message);
        problem.Source.Rasterise(Grid, Source);
        Source.CopyTo(_rhs, 0);
        Laplacian2D.AddBoundaryTerm(Grid, problem.Boundary, _rhs);
        var singular = !problem.Boundary.HasDirichlet;
        if (singular) SubtractMean(_rhs);
        var info = _cg.Solve(new NegativeLaplacianOperator(Grid, problem.Boundary), _rhs, U)
            .EnsureConverged($"poissonProblem ({Grid.Nx}×{Grid.Ny} cells)");
        if (singular) SubtractMean(U);
        return info;
    }

    private static void SubtractMean(Span<double> values)
    {
        double sum = 0;
        foreach (var v in values) sum += v;
        var mean = sum / values.Length;
        for (var k = 0; k < values.Length; k++) values[k] -= mean;
    }
}
