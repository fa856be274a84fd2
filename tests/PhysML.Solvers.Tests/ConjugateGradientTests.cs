using PhysML.Core.Errors;
using PhysML.Solvers;

namespace PhysML.Solvers.Tests;

public class ConjugateGradientTests
{
    [Fact]
    public void Solves_the_1D_Poisson_system_to_the_known_solution()
    {
        // −u'' = 2 on (0,1), u(0)=u(1)=0 has u = x(1−x); the 3-point scheme is exact for quadratics.
        const int n = 63;
        var h = 1.0 / (n + 1);
        var b = Enumerable.Repeat(2 * h * h, n).ToArray();
        var x = new double[n];

        var info = new ConjugateGradient(new SolverOptions { RelativeTolerance = 1e-12 })
            .Solve(DenseOperator.Poisson1D(n), b, x);

        Assert.True(info.Converged);
        for (var i = 0; i < n; i++)
        {
            var xi = (i + 1) * h;
            Assert.Equal(xi * (1 - xi), x[i], 10);
        }
        // In exact arithmetic CG ends in at most n iterations; by symmetry of this b, in about n/2.
        Assert.InRange(info.Iterations, 1, n);
        Assert.Equal(info.Iterations + 1, info.ResidualHistory.Count);
    }

    [Fact]
    public void A_warm_start_at_the_solution_takes_no_iterations()
    {
        var a = DenseOperator.Poisson1D(5);
        var exact = new[] { 1.0, -2, 3, 0.5, 4 };
        var b = new double[5];
        a.Apply(exact, b);
        var x = (double[])exact.Clone();

        var info = new ConjugateGradient(new SolverOptions { RelativeTolerance = 1e-10 }).Solve(a, b, x);

        Assert.Equal(0, info.Iterations);
        Assert.True(info.Converged);
    }

    [Fact]
    public void Not_converging_is_reported_and_EnsureConverged_throws_PML0201_with_the_figures()
    {
        var b = Enumerable.Range(0, 100).Select(i => Math.Sin(i)).ToArray();
        var x = new double[100];

        var info = new ConjugateGradient(new SolverOptions { RelativeTolerance = 1e-12, MaxIterations = 3 })
            .Solve(DenseOperator.Poisson1D(100), b, x);

        Assert.False(info.Converged);
        Assert.Equal(3, info.Iterations);
        var error = Assert.Throws<SolverNotConvergedException>(() => info.EnsureConverged("the test system"));
        Assert.Equal(ErrorCodes.SolverNotConverged, error.Code);
        Assert.Equal(ErrorCategory.Simulation, error.Category);
        Assert.Contains("after 3 iterations", error.Message);
        Assert.Same(info, error.Info);
    }

    [Fact]
    public void A_zero_right_hand_side_gives_zero_without_dividing_by_zero()
    {
        var x = new[] { 1.0, 2, 3 };

        var info = new ConjugateGradient(new SolverOptions()).Solve(DenseOperator.Poisson1D(3), new double[3], x);

        Assert.True(info.Converged);
        Assert.Equal(new double[3], x);
    }

    [Fact]
    public void Vector_kernels_match_scalar_loops_including_the_tail()
    {
        var x = Enumerable.Range(0, 37).Select(i => i * 0.25 - 3).ToArray();
        var y = Enumerable.Range(0, 37).Select(i => 1.0 / (i + 1)).ToArray();
        var expectedDot = x.Zip(y, (a, b) => a * b).Sum();

        Assert.Equal(expectedDot, VectorOps.Dot(x, y), 12);
        var axpy = (double[])y.Clone();
        VectorOps.Axpy(2, x, axpy);
        Assert.Equal(y.Select((v, i) => v + 2 * x[i]), axpy);
        var xpby = (double[])y.Clone();
        VectorOps.Xpby(x, -0.5, xpby);
        Assert.Equal(y.Select((v, i) => x[i] - 0.5 * v), xpby);
    }

    [Fact]
    public void Parallel_dot_and_updates_equal_the_sequential_ones_bit_for_bit()
    {
        var random = new Random(5);
        const int n = 5 * VectorOps.ChunkLength + 123;
        var x = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var two = new ParallelOptions { MaxDegreeOfParallelism = 2 };

        Assert.Equal(VectorOps.Dot(x, y), VectorOps.Dot(x, y, n, two));
        var (a, b) = ((double[])y.Clone(), (double[])y.Clone());
        VectorOps.Axpy(0.3, x, a);
        VectorOps.Axpy(0.3, x, b, n, two);
        Assert.Equal(a, b);
        VectorOps.Xpby(x, -1.7, a);
        VectorOps.Xpby(x, -1.7, b, n, two);
        Assert.Equal(a, b);
    }
}

