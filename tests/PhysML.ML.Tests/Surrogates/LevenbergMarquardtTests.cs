using PhysML.ML.Surrogates;
using static TorchSharp.torch;

namespace PhysML.ML.Tests.Surrogates;

[Collection(TorchCollection.Name)]
public sealed class LevenbergMarquardtTests
{
    private static readonly double[] Times = [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];

    // r_i = a·exp(b·t_i) − y_i, a batch of three exact curves: the minimum is the generating (a, b) with zero residual.
    private static LevenbergMarquardt.ResidualFunction Exponential(Tensor y)
    {
        var t = tensor(Times).view(1, -1);
        return w =>
        {
            var (a, b) = (w[.., 0..1], w[.., 1..2]);
            var e = (b * t).exp();
            var r = a * e - y;
            return (r, stack([e, a * t * e], -1));
        };
    }

    [Fact]
    public void It_recovers_the_parameters_of_exact_exponential_data_in_a_batch()
    {
        TorchCollection.Seeded();
        var truth = tensor(new double[,] { { 2, -1 }, { 0.5, 0.8 }, { -1.5, 0.3 } });
        var y = truth[.., 0..1] * (truth[.., 1..2] * tensor(Times).view(1, -1)).exp();
        var result = LevenbergMarquardt.Solve(Exponential(y), ones(3, 2, dtype: ScalarType.Float64),
            new LevenbergMarquardtSettings { Ridge = 1e-14, MaxIterations = 100 });
        // Zero-residual problem, ridge 1e-14: LM converges quadratically near the minimum; 1e-6 is far above the
        // ridge's bias (~1e-14) and far below the starting error (O(1)).
        var found = result.Weights.data<double>().ToArray();
        var expected = truth.data<double>().ToArray();
        for (var i = 0; i < found.Length; i++) Assert.Equal(expected[i], found[i], 1e-6);
        Assert.All(result.ResidualNorm.data<double>().ToArray(), r => Assert.True(r < 1e-6, $"residual {r}"));
    }

    [Fact]
    public void A_batch_of_problems_solves_as_each_problem_alone()
    {
        // The experts' solves are batched: an entry's result must not depend on its neighbours (per-entry damping and
        // acceptance), only on its own problem, to the convergence tolerance.
        var truth = tensor(new double[,] { { 2, -1 }, { 0.5, 0.8 }, { -1.5, 0.3 } });
        var y = truth[.., 0..1] * (truth[.., 1..2] * tensor(Times).view(1, -1)).exp() + 0.01 * cos(arange(27, dtype: ScalarType.Float64).view(3, 9));
        var settings = new LevenbergMarquardtSettings { Ridge = 1e-6, MaxIterations = 100, GradientTolerance = 1e-14 };
        var batched = LevenbergMarquardt.Solve(Exponential(y), ones(3, 2, dtype: ScalarType.Float64), settings).Weights;
        for (var i = 0; i < 3; i++)
        {
            var alone = LevenbergMarquardt.Solve(Exponential(y[i..(i + 1)]), ones(1, 2, dtype: ScalarType.Float64), settings).Weights;
            var difference = (alone - batched[i..(i + 1)]).abs().max().item<double>();
            Assert.True(difference < 1e-9, $"entry {i}: {difference}");
        }
    }

    [Theory]
    [InlineData("linear")]
    [InlineData("consistent")]
    [InlineData("inconsistent")]
    public void The_implicit_step_gradient_matches_finite_differences_of_the_solution(string kind)
    {
        // r(w; A) = g(A·w) − y, g = identity (linear least squares) or exp. For the linear problem and the consistent
        // nonlinear one (r(w*) = 0) the Gauss–Newton implicit gradient is the exact derivative of the solve; the
        // inconsistent one leaves a residual, so the step needs the curvature Σ r_i·∇²r_i = Aᵀ·diag(r·e^z)·A. Either way
        // d(c·w*)/dA by autograd through ImplicitStep must match central differences of re-solved problems.
        TorchCollection.Seeded(11);
        var nonlinear = kind != "linear";
        var a = randn(1, 6, 3, dtype: ScalarType.Float64) * 0.5;
        var wTrue = tensor(new[] { 0.3, -0.2, 0.5 }).view(1, 3);
        var y = kind switch
        {
            "linear" => randn(1, 6, dtype: ScalarType.Float64),
            "consistent" => matmul(a, wTrue.unsqueeze(-1)).squeeze(-1).exp(),
            _ => matmul(a, wTrue.unsqueeze(-1)).squeeze(-1).exp() + randn(1, 6, dtype: ScalarType.Float64) * 0.5,
        };
        var c = tensor(new[] { 1.0, -2.0, 0.5 }).view(1, 3);
        // The consistent case needs r(w*) ≈ 0 for the Gauss–Newton form to be exact, so its ridge is negligible.
        var settings = new LevenbergMarquardtSettings { Ridge = kind == "consistent" ? 1e-10 : 1e-3, MaxIterations = 200, GradientTolerance = 1e-15 };

        LevenbergMarquardt.ResidualFunction System(Tensor matrix) => w =>
        {
            var z = matmul(matrix, w.unsqueeze(-1)).squeeze(-1);
            return nonlinear ? (z.exp() - y, z.exp().unsqueeze(-1) * matrix) : (z - y, matrix.expand(w.shape[0], -1, -1));
        };
        LevenbergMarquardt.CurvatureFunction Curvature(Tensor matrix) => w =>
        {
            var z = matmul(matrix, w.unsqueeze(-1)).squeeze(-1);
            return matmul((matrix * ((z.exp() - y) * z.exp()).unsqueeze(-1)).transpose(-1, -2), matrix);
        };
        double Objective(Tensor matrix) => (LevenbergMarquardt.Solve(System(matrix), zeros(1, 3, dtype: ScalarType.Float64), settings).Weights * c).sum().item<double>();
        double[] Implicit(bool withCurvature)
        {
            var parameter = a.clone().requires_grad_(true);
            var solved = LevenbergMarquardt.Solve(System(parameter.detach()), zeros(1, 3, dtype: ScalarType.Float64), settings);
            var weights = LevenbergMarquardt.ImplicitStep(System(parameter), solved.Weights, settings.Ridge,
                withCurvature ? Curvature(a) : null);
            (weights * c).sum().backward();
            return parameter.grad!.data<double>().ToArray();
        }

        const double h = 1e-6;
        var fd = new double[a.numel()];
        for (var i = 0; i < fd.Length; i++)
        {
            var plus = a.clone();
            plus.view(-1)[i] += h;
            var minus = a.clone();
            minus.view(-1)[i] -= h;
            fd[i] = (Objective(plus) - Objective(minus)) / (2 * h);
        }
        var gradient = Implicit(withCurvature: nonlinear);
        // Central differences: truncation O(h²) ~ 1e-12, round-off ~ 1e-16/h ~ 1e-10 (solves converged to ~1e-15).
        for (var i = 0; i < fd.Length; i++)
            Assert.True(Math.Abs(fd[i] - gradient[i]) < 1e-6 * (1 + Math.Abs(fd[i])), $"entry {i}: implicit {gradient[i]}, finite difference {fd[i]}");
        if (kind != "inconsistent") return;
        // The control: Gauss–Newton alone is off here by far more than the tolerance (measured 3.7 % on the worst entry).
        var gaussNewton = Implicit(withCurvature: false);
        var worst = fd.Zip(gaussNewton, (f, g) => Math.Abs(f - g) / (1 + Math.Abs(f))).Max();
        Assert.True(worst > 1e-3, $"Gauss–Newton's largest relative error {worst}");
    }
}
