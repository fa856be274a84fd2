using PhysML.Fields.Mac;
using PhysML.Solvers.Pressure;

namespace PhysML.Solvers.Tests;

public class PreconditionerTests
{
    private static (SolveInfo Info, double[] X) Solve(PressurePoisson2D a, double[] b, IPreconditioner? m)
    {
        var x = new double[b.Length];
        var info = new ConjugateGradient(new SolverOptions { RelativeTolerance = 1e-10, MaxIterations = 20_000 }).Solve(a, b, x, m);
        return (info, x);
    }

    [Fact]
    public void MIC0_and_Jacobi_reach_the_CG_solution_and_MIC0_needs_far_fewer_iterations()
    {
        // Outflow on top makes the system definite, so the solution is unique and the three can be compared.
        var (a, b) = ObstacleSystems.Disk2D(96);

        var cg = Solve(a, b, null);
        var jacobi = Solve(a, b, new JacobiPreconditioner(a.Diagonal.ToArray()));
        var mic = Solve(a, b, new ModifiedIncompleteCholesky2D(a));

        Assert.True(cg.Info.Converged && jacobi.Info.Converged && mic.Info.Converged);
        Assert.Equal("pcg-mic0", mic.Info.Solver);
        // ‖x − x_cg‖∞ is bounded by κ·tolerance-sized errors; 1e-6 of ‖x‖∞ is far above rounding and far below a wrong answer.
        var scale = cg.X.Max(Math.Abs);
        Assert.All(cg.X.Zip(mic.X), p => Assert.True(Math.Abs(p.First - p.Second) < 1e-6 * scale));
        Assert.All(cg.X.Zip(jacobi.X), p => Assert.True(Math.Abs(p.First - p.Second) < 1e-6 * scale));
        // On a 96² grid MIC(0) cuts iterations by about √n (Bridson reports 3–5x at this size); require 3x.
        Assert.True(mic.Info.Iterations * 3 < cg.Info.Iterations, $"CG {cg.Info.Iterations}, MIC(0) {mic.Info.Iterations}, Jacobi {jacobi.Info.Iterations}");
    }

    [Fact]
    public void MIC0_works_on_closed_and_periodic_domains_through_the_projection()
    {
        foreach (var boundary in new[] { FlowBoundary.ClosedBox, FlowBoundary.All(new FlowSide(SideKind.Periodic)) })
        {
            var grid = new MacGrid2D(48, 48, 1.0 / 48);
            var velocity = new MacVelocity2D(grid);
            var random = new Random(11);
            for (var k = 0; k < velocity.U.Length; k++) velocity.U[k] = random.NextDouble() - 0.5;
            for (var k = 0; k < velocity.V.Length; k++) velocity.V[k] = random.NextDouble() - 0.5;
            var cells = new CellKind[grid.CellCount];
            var projection = new PressureProjection2D(grid, boundary, new SolverOptions { RelativeTolerance = 1e-10, MaxIterations = 5000 },
                preconditioner: PressurePreconditioner.Mic0);

            var info = projection.Project(velocity, cells, new double[grid.CellCount]);

            Assert.True(info.Converged, $"{boundary.Left.Kind}: {info.RelativeResidual:E2} after {info.Iterations}");
            Assert.True(PressureProjection2D.MaxDivergence(velocity, cells) < 1e-6);
        }
    }
}
