using PhysML.ML.Surrogates;
using static TorchSharp.torch;

namespace PhysML.ML.Tests.Surrogates;

[Collection(TorchCollection.Name)]
public sealed class ConstrainedSurrogateTests
{
    [Fact]
    public void The_vorticity_residual_of_an_exact_solution_is_at_the_time_difference_error()
    {
        TorchCollection.Seeded();
        var problem = SurrogateFixtures.Vorticity(times: 21);
        var (_, solution) = SurrogateFixtures.DecayingMode(problem, 2);
        var basis = tensor(solution).view(1, 1, problem.Grid.Times, problem.Grid.Spatial);
        var all = arange(problem.Grid.Points).view(1, -1);
        var operators = problem.OperatorFields(basis)
            .Select(f => f.reshape(1, 1, -1).index_select(2, all.flatten()).view(1, 1, 1, -1).permute(0, 1, 3, 2).to(ScalarType.Float64)).ToArray();
        var features = new PdeFeatures(operators, zeros(1, 1, problem.Grid.Points, dtype: ScalarType.Float64));
        var (residual, _) = problem.Residual.Evaluate(features, ones(1, 1, 1, dtype: ScalarType.Float64));
        var rms = residual.square().mean().sqrt().item<double>();
        // ∂ω/∂τ = −8π²ν·T·ω ≈ −0.79·ω (RMS ~0.8 for A = 2); second-order differences with dτ = 0.05 leave
        // ~(dτ²/6)·0.79³·ω ≈ 2e-4 inside and ~3x that at the one-sided ends, plus float32 rounding: 2e-3 is 400x below
        // the size of the terms it balances, and a wrong sign or factor in ν∇² would leave O(1).
        Assert.True(rms < 2e-3, $"RMS residual {rms}");
    }

    [Fact]
    public void The_diffusion_sorption_residual_matches_the_analytic_one_of_a_smooth_field()
    {
        // u = 0.5 + 0.3·sin(πx)·e^(−τ) is not a solution, so the residual is O(1) and known exactly:
        // R(u)·u_τ − D·T·u_xx with u_τ = −0.3·sin(πx)·e^(−τ), u_xx = −π²·0.3·sin(πx)·e^(−τ) and PDEBench's R.
        var p = new DiffusionSorptionParameters(64, 41, 1, 500, 5e-4, 2.157, 0.874, 1e-6, 1);
        var problem = new DiffusionSorptionProblem(p);
        var g = problem.Grid;
        var field = new float[g.Points];
        var expected = new List<double>();
        var points = new List<long>();
        for (var t = 0; t < g.Times; t++)
            for (var i = 0; i < g.Columns; i++)
            {
                var (tau, x) = (t / (g.Times - 1.0), (i + 0.5) / g.Columns);
                var wave = 0.3 * Math.Sin(Math.PI * x) * Math.Exp(-tau);
                field[t * g.Spatial + i] = (float)(0.5 + wave);
                // The end cells' Laplacian uses the solver's ghost values, not u_xx (checked against the solver's data
                // in the Cli tests' DiffusionSorptionConstraintTests).
                if (!problem.CollocationMask[t * g.Spatial + i] || i == 0 || i == g.Columns - 1) continue;
                var retardation = 1 + p.SorptionCoefficient * Math.Pow(0.5 + wave + p.RetardationEpsilon, p.FreundlichExponent - 1);
                expected.Add(retardation * -wave - p.Diffusivity * p.Horizon * -Math.PI * Math.PI * wave);
                points.Add(t * g.Spatial + i);
            }
        var basis = tensor(field).view(1, 1, g.Times, g.Spatial);
        var index = tensor(points.ToArray());
        var operators = problem.OperatorFields(basis)
            .Select(f => f.reshape(1, 1, -1).index_select(2, index).view(1, 1, 1, -1).permute(0, 1, 3, 2).to(ScalarType.Float64)).ToArray();
        var (residual, _) = problem.Residual.Evaluate(new PdeFeatures(operators, zeros(1, 1, points.Count, dtype: ScalarType.Float64)),
            ones(1, 1, 1, dtype: ScalarType.Float64));
        var error = (residual.flatten() - tensor(expected.ToArray())).square().mean().sqrt().item<double>();
        var scale = tensor(expected.ToArray()).square().mean().sqrt().item<double>();
        // Second-order differences: dτ = 1/40 gives ~dτ²/6 ≈ 1e-4 relative inside (3x at the one-sided ends), dx = 1/64
        // gives ~π²dx²/12 ≈ 2e-4; float32 storage of u adds ~1e-7/dx² · D·T ≈ 1e-4. 2e-3 leaves margin, and a wrong R, sign or
        // D·T scaling would be O(1).
        Assert.True(error < 2e-3 * scale, $"RMS error {error} against RMS residual {scale}");
    }

    [Fact]
    public void A_mixture_with_one_expert_equals_the_single_hard_constraint()
    {
        var problem = SurrogateFixtures.Vorticity();
        var (initial, _) = SurrogateFixtures.DecayingMode(problem, 1);
        double[] Predict(SurrogateSettings settings)
        {
            TorchCollection.Seeded(5);
            using var model = new ConstrainedSurrogate(problem, settings);
            var points = new CollocationSampler(problem, model.Partition, 3).Sample(settings.Points, settings.InitialRows);
            using var _ = no_grad();
            return model.Forward(tensor(initial).view(1, -1), points).Prediction.data<double>().ToArray();
        }
        var single = Predict(SurrogateFixtures.Tiny(SurrogateMethod.Hard));
        var mixture = Predict(SurrogateFixtures.Tiny(SurrogateMethod.Moe, experts: 1));
        Assert.Equal(single, mixture);
    }

    [Theory]
    [InlineData(SurrogateMethod.Hard, 1)]
    [InlineData(SurrogateMethod.Moe, 4)]
    public void A_tiny_model_overfits_one_sample(SurrogateMethod method, int experts)
    {
        TorchCollection.Seeded(1);
        var problem = SurrogateFixtures.Vorticity();
        var (initial, solution) = SurrogateFixtures.DecayingMode(problem, 1);
        var data = new SurrogateDataset(problem.Name, problem.Grid, [initial], [solution], [0]);
        using var model = new ConstrainedSurrogate(problem, SurrogateFixtures.Tiny(method, experts));
        using var trainer = new SurrogateTrainer(model, seed: 2);
        var first = trainer.Step(data, [0]);
        double last = first;
        for (var step = 0; step < 60; step++) last = trainer.Step(data, [0]);
        var evaluation = SurrogateEvaluation.Of(model, data, seed: 9);
        // The relative L2 loss starts O(1) for a random network. 60 Adam steps on one sample bring the single constraint
        // below 5% (measured ~1%); four experts, each fitting its 8 × 8 block from a quarter of the points, learn
        // more slowly (measured 0.89 → 0.15), so they must cut the error 4x. An implicit gradient of the wrong sign
        // or scale stalls near the start.
        var target = experts == 1 ? 0.05 : first / 4;
        Assert.True(evaluation.RelativeL2 < target, $"rel L2 {first} → train {last}, eval {evaluation.RelativeL2}");
        Assert.Equal(0, trainer.NonFiniteGradients);
    }
}
