using PhysML.Core.Errors;
using PhysML.Fields;
using PhysML.Pde;

namespace PhysML.Pde.Tests;

public class PoissonTests
{
    public static PoissonProblem SineMode(int n) => new()
    {
        Nx = 2 * n,
        Ny = n,
        Width = 2,
        Height = 1,
        Source = new PoissonSource { Kind = PoissonSourceKind.SineMode, Amplitude = 3, ModeX = 2, ModeY = 1 },
        Boundary = BoxBoundary.All(EdgeCondition.Dirichlet(0)),
        SolverTolerance = 1e-12,
    };

    [Fact]
    public void The_manufactured_solution_is_recovered_at_second_order_over_three_resolutions()
    {
        var errors = new List<double>();
        foreach (var n in new[] { 16, 32, 64 })
        {
            var problem = SineMode(n);
            var solution = new PoissonSolution(problem);
            errors.Add(PoissonAnalytic.RelativeL2Error(problem, solution.U));
            // The sine mode is an eigenvector of the discrete Laplacian, so the error is known in advance.
            var predicted = PoissonAnalytic.PredictedRelativeError(problem);
            Assert.Equal(predicted, errors[^1], predicted * 1e-6);
        }

        Assert.All(Convergence.Orders(errors), p => Assert.InRange(p, 1.98, 2.02));
    }

    [Fact]
    public void A_linear_solution_with_Dirichlet_and_Neumann_edges_is_exact()
    {
        // u = 1 + 2x solves ∇²u = 0 with u(0) = 1, ∂u/∂n = 2 on the right, 0 on top and bottom; the ghost-cell conditions
        // are exact for linear u, so the discrete solution is u at the cell centres.
        var problem = new PoissonProblem
        {
            Nx = 24, Ny = 12, Width = 1.5, Height = 0.75,
            Source = new PoissonSource { Kind = PoissonSourceKind.Constant, Value = 0 },
            Boundary = new BoxBoundary(EdgeCondition.Dirichlet(1), EdgeCondition.Neumann(2),
                EdgeCondition.Neumann(0), EdgeCondition.Neumann(0)),
            SolverTolerance = 1e-13,
        };
        var solution = new PoissonSolution(problem);
        for (var j = 0; j < 12; j++)
            for (var i = 0; i < 24; i++)
                Assert.Equal(1 + 2 * solution.Grid.CenterX(i), solution.U[solution.Grid.Index(i, j)], 9);
    }

    [Fact]
    public void All_Neumann_with_a_source_that_does_not_balance_the_boundary_flux_is_a_clear_error()
    {
        var problem = new PoissonProblem
        {
            Nx = 16, Ny = 16,
            Source = new PoissonSource { Kind = PoissonSourceKind.Constant, Value = 1 },
            Boundary = BoxBoundary.All(EdgeCondition.Neumann(0)),
        };

        var message = PoissonSolution.IncompatibilityMessage(problem);
        Assert.NotNull(message);
        Assert.Contains("∫f dA + ∮∂u/∂n ds = 0", message);
        Assert.Contains("∫f dA = 1", message);
        Assert.Contains("Dirichlet", message);
        var error = Assert.Throws<PhysMLException>(() => new PoissonSolution(problem));
        Assert.Equal(ErrorCodes.InvalidValue, error.Code);
        Assert.Equal(ErrorCategory.BadInput, error.Category);
    }

    [Fact]
    public void All_Neumann_with_a_compatible_source_is_solved_with_zero_mean()
    {
        // f = 1 on a 2 × 1 box leaves through the edges: ∂u/∂n = g with g·perimeter = −area, g = −2/6. And a ± pair of
        // charges inside insulated edges. Neither has a simple closed form; check the discrete equations themselves.
        var balanced = new PoissonProblem
        {
            Nx = 20, Ny = 10, Width = 2, Height = 1,
            Source = new PoissonSource { Kind = PoissonSourceKind.Constant, Value = 1 },
            Boundary = BoxBoundary.All(EdgeCondition.Neumann(-2.0 / 6)),
            SolverTolerance = 1e-12,
        };
        var pair = balanced with
        {
            Source = new PoissonSource
            {
                Kind = PoissonSourceKind.PointCharges,
                Charges = [new PointCharge { X = 0.5, Y = 0.5, Charge = 1 }, new PointCharge { X = 1.5, Y = 0.5, Charge = -1 }],
            },
            Boundary = BoxBoundary.All(EdgeCondition.Neumann(0)),
        };
        foreach (var problem in new[] { balanced, pair })
        {
            Assert.Null(PoissonSolution.IncompatibilityMessage(problem));
            var solution = new PoissonSolution(problem);
            Assert.True(solution.Info.Converged);
            Assert.Equal(0.0, solution.U.Average(), 12);
            // −L₀u = f + c holds cell by cell.
            var lu = new double[solution.U.Length];
            Laplacian2D.ApplyHomogeneous(solution.Grid, problem.Boundary, solution.U, lu);
            Laplacian2D.AddBoundaryTerm(solution.Grid, problem.Boundary, lu);
            for (var k = 0; k < lu.Length; k++) Assert.Equal(solution.Source[k], -lu[k], 6);
        }
    }

    [Fact]
    public void A_point_charge_between_grounded_walls_gives_a_positive_potential_peaked_at_the_charge()
    {
        var problem = new PoissonProblem
        {
            Nx = 32, Ny = 32,
            Source = new PoissonSource { Kind = PoissonSourceKind.PointCharges, Charges = [new PointCharge { X = 0.3, Y = 0.6, Charge = 2 }] },
        };
        var solution = new PoissonSolution(problem);
        var peak = Array.IndexOf(solution.U, solution.U.Max());
        Assert.Equal(solution.Grid.Index(9, 19), peak); // the cell holding (0.3, 0.6)
        Assert.All(solution.U, u => Assert.True(u > 0));
        // Green's function near the charge: u ≈ q/(2π)·ln(1/r) + smooth, so the peak is about q/(2π)·ln(1/h).
        Assert.InRange(solution.U[peak], 2 / (2 * Math.PI) * Math.Log(32) * 0.5, 2 / (2 * Math.PI) * Math.Log(32) * 1.5);
    }

    [Fact]
    public void Source_equality_compares_the_charges_by_value()
    {
        var a = new PoissonSource { Kind = PoissonSourceKind.PointCharges, Charges = [new PointCharge { X = 0.1 }] };
        var b = a with { Charges = [new PointCharge { X = 0.1 }] };
        var c = a with { Charges = [new PointCharge { X = 0.2 }] };
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(new PoissonProblem { Source = a }, new PoissonProblem { Source = b });
    }
}
