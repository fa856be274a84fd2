using PhysML.Solvers.Learned;
using PhysML.Solvers.Multigrid;
using PhysML.Solvers.Pressure;
using Xunit.Abstractions;

namespace PhysML.Solvers.Tests;

public class DeepConjugateDirectionTests(ITestOutputHelper output)
{
    private static readonly SolverOptions Tight = new() { RelativeTolerance = 1e-8, MaxIterations = 400 };

    /// <summary>A linear SPD "model": the multigrid V-cycle, times an arbitrary scale the method must not notice.</summary>
    private sealed class VCycleModel(double scale) : ISearchDirectionModel
    {
        private MultigridPreconditioner? _cycle;
        public string Name => "v-cycle";
        public int Version => 0;
        public int Calls { get; private set; }

        public void Propose(IPoissonStencil a, ReadOnlySpan<double> r, Span<double> q)
        {
            Calls++;
            _cycle ??= new MultigridPreconditioner(a);
            _cycle.Apply(r, q);
            for (var n = 0; n < q.Length; n++) q[n] *= scale;
        }
    }

    /// <summary>The perfect model: q = s·A⁻¹r, by an inner solve to rounding.</summary>
    private sealed class ExactInverseModel : ISearchDirectionModel
    {
        public string Name => "exact";
        public int Version => 0;

        public void Propose(IPoissonStencil a, ReadOnlySpan<double> r, Span<double> q)
        {
            q.Clear();
            new CpuPoissonSolver(PressurePreconditioner.Multigrid, new SolverOptions { RelativeTolerance = 1e-13, MaxIterations = 200 })
                .Solve(a, r, q);
            for (var n = 0; n < q.Length; n++) q[n] *= -3.5;
        }
    }

    private sealed class BrokenModel(double value) : ISearchDirectionModel
    {
        public string Name => "broken";
        public int Version => 0;
        public void Propose(IPoissonStencil a, ReadOnlySpan<double> r, Span<double> q) => q.Fill(value);
    }

    private static double TrueRelativeResidual(IPoissonStencil a, double[] b, double[] x)
    {
        var ax = new double[b.Length];
        a.Apply(x, ax);
        for (var n = 0; n < ax.Length; n++) ax[n] = b[n] - ax[n];
        return VectorOps.Norm(ax) / VectorOps.Norm(b);
    }

    [Fact]
    public void An_exact_inverse_model_solves_in_one_iteration_whatever_its_scale()
    {
        var (a, b) = ObstacleSystems.Disk2D(32);
        var x = new double[b.Length];
        var info = new LearnedPoissonSolver(new ExactInverseModel(), LearnedMethod.Dcdm, Tight).Solve(a, b, x);
        Assert.True(info.Converged);
        Assert.Equal(1, info.Iterations);
        Assert.True(TrueRelativeResidual(a, b, x) < 1e-8);
    }

    // With a linear SPD model M, M·r_k is already A-orthogonal to all but the last direction (the PCG recurrence), so
    // DCDM's two-term orthogonalisation is PCG in exact arithmetic: the same iteration count as MGPCG up to rounding.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void With_a_linear_SPD_model_DCDM_and_flexible_PCG_match_PCG_iterations(bool closed)
    {
        var (a, b) = ObstacleSystems.Sphere3D(24, closed);
        var reference = new CpuPoissonSolver(PressurePreconditioner.Multigrid, Tight).Solve(a, b, new double[b.Length]);
        foreach (var method in new[] { LearnedMethod.Dcdm, LearnedMethod.FlexiblePcg })
        {
            var x = new double[b.Length];
            var info = new LearnedPoissonSolver(new VCycleModel(1e3), method, Tight).Solve(a, b, x);
            output.WriteLine($"closed={closed} {info.Solver}: {info.Iterations} it, mgpcg {reference.Iterations} it");
            Assert.True(info.Converged);
            Assert.InRange(info.Iterations, reference.Iterations - 1, reference.Iterations + 1);
            Assert.True(TrueRelativeResidual(a, b, x) < 2e-8);
        }
    }

    [Fact]
    public void Refreshing_the_residual_every_iteration_gives_the_same_convergence()
    {
        var (a, b) = ObstacleSystems.Disk2D(48);
        var every = new LearnedPoissonSolver(new VCycleModel(1), LearnedMethod.Dcdm, Tight,
            new DeepConjugateDirectionSettings { ResidualRefreshInterval = 1 }).Solve(a, b, new double[b.Length]);
        var rarely = new LearnedPoissonSolver(new VCycleModel(1), LearnedMethod.Dcdm, Tight).Solve(a, b, new double[b.Length]);
        Assert.True(every.Converged && rarely.Converged);
        Assert.InRange(every.Iterations, rarely.Iterations - 1, rarely.Iterations + 1);
    }

    [Theory]
    [InlineData(double.NaN, LearnedMethod.Dcdm)]
    [InlineData(0.0, LearnedMethod.Dcdm)]
    [InlineData(double.PositiveInfinity, LearnedMethod.FlexiblePcg)]
    public void A_broken_model_falls_back_to_MGPCG_and_is_counted(double value, LearnedMethod method)
    {
        var (a, b) = ObstacleSystems.Disk2D(32);
        var x = new double[b.Length];
        var solver = new LearnedPoissonSolver(new BrokenModel(value), method, Tight);
        var info = solver.Solve(a, b, x);
        output.WriteLine($"{info.Solver}: {solver.LastBreakdown}");
        Assert.True(info.Converged);
        Assert.Equal(1, solver.Fallbacks);
        Assert.EndsWith("→mgpcg", info.Solver);
        Assert.True(TrueRelativeResidual(a, b, x) < 2e-8);
        Assert.All(x, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void A_warm_start_at_the_solution_needs_no_model_call()
    {
        var (a, b) = ObstacleSystems.Disk2D(24);
        var x = new double[b.Length];
        var model = new VCycleModel(1);
        var solver = new LearnedPoissonSolver(model, LearnedMethod.Dcdm, Tight);
        solver.Solve(a, b, x);
        var calls = model.Calls;
        var again = solver.Solve(a, b, x);
        Assert.Equal(0, again.Iterations);
        Assert.Equal(calls, model.Calls);
    }
}
