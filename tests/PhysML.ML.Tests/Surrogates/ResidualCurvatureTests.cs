using PhysML.ML.Surrogates;
using static TorchSharp.torch;

namespace PhysML.ML.Tests.Surrogates;

/// <summary>
/// Each residual's <see cref="IPdeResidual.Curvature"/>, Σ_p r_p·∇²r_p, against central differences of its own
/// Jacobian: Σ_p r_p·(J_p(w + h·e_b) − J_p(w − h·e_b))/2h, on random operator fields.
/// </summary>
public class ResidualCurvatureTests
{
    public static TheoryData<string> Residuals => ["diffusion-sorption", "vorticity"];

    [Theory]
    [MemberData(nameof(Residuals))]
    public void The_curvature_matches_central_differences_of_the_jacobian(string name)
    {
        TorchCollection.Seeded(3);
        const int batch = 2, experts = 3, points = 20, n = 5;
        IPdeResidual residual;
        Tensor[] operators;
        Tensor weights;
        if (name == "vorticity")
        {
            residual = new VorticityResidual();
            operators = Enumerable.Range(0, 6).Select(_ => randn(batch, experts, points, n, dtype: ScalarType.Float64)).ToArray();
            weights = randn(batch, experts, n, dtype: ScalarType.Float64);
        }
        else
        {
            // u = φ·w stays positive (φ, w > 0), away from the clamp at u = 0 where R'' jumps.
            residual = new DiffusionSorptionResidual(new DiffusionSorptionParameters(16, 9, 1, 500, 5e-4, 2.157, 0.874, 1e-6, 1));
            operators = [rand(batch, experts, points, n, dtype: ScalarType.Float64) + 0.1,
                randn(batch, experts, points, n, dtype: ScalarType.Float64), randn(batch, experts, points, n, dtype: ScalarType.Float64)];
            weights = rand(batch, experts, n, dtype: ScalarType.Float64) + 0.1;
        }
        var features = new PdeFeatures(operators, randn(batch, experts, points, dtype: ScalarType.Float64));
        var curvature = residual.Curvature(features, weights);
        var r = residual.Evaluate(features, weights).Residual;
        const double h = 1e-6;
        var columns = Enumerable.Range(0, n).Select(b =>
        {
            var step = zeros(n, dtype: ScalarType.Float64);
            step[b] = h;
            var plus = residual.Evaluate(features, weights + step).Jacobian;
            var minus = residual.Evaluate(features, weights - step).Jacobian;
            return einsum("bkp,bkpa->bka", r, (plus - minus) / (2 * h));
        }).ToArray();
        var expected = stack(columns, -1);
        var error = (curvature - expected).abs().max().item<double>();
        var scale = expected.abs().max().item<double>();
        // Central differences: O(h²) truncation and ~1e-16/h round-off on O(1–10) entries; a missing or doubled term is O(scale).
        Assert.True(error < 1e-6 * (1 + scale), $"largest error {error} against entries up to {scale}");
    }
}
