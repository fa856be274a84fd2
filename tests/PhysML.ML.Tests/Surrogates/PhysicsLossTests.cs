using PhysML.ML.Surrogates;
using static TorchSharp.torch;

namespace PhysML.ML.Tests.Surrogates;

[Collection(TorchCollection.Name)]
public sealed class PhysicsLossTests
{
    [Fact]
    public void The_physics_loss_vanishes_for_an_exact_solution_and_not_for_others()
    {
        // With ν = 0, ω = sin(2πx)·sin(2πy) is steady and its own streamfunction's advection vanishes: an exact solution
        // of the full nonlinear equation, for which the spectral derivatives are exact and ∂ω/∂τ = 0 has no difference error.
        TorchCollection.Seeded();
        var problem = new VorticityProblem(new VorticityParameters(16, 8, 1, 1, 0, null));
        var (initial, solution) = SurrogateFixtures.DecayingMode(problem, 1);
        using var model = new ConstrainedSurrogate(problem, SurrogateFixtures.Tiny(SurrogateMethod.Moe, experts: 4, SurrogateLoss.Pde));
        var points = new CollocationSampler(problem, model.Partition, 4).Sample(256, 32);
        var weights = ones(1, 4, 1, dtype: ScalarType.Float64);
        var u0 = tensor(initial).view(1, -1);
        double Loss(float[] field, Tensor start) =>
            model.PhysicsLoss(tensor(field).view(1, 1, problem.Grid.Times, problem.Grid.Spatial), weights, start, points).item<double>();

        var exact = Loss(solution, u0);
        // Growing in time by (1 + τ/2): ∂ω/∂τ = ω₀/2 (mean square 1/16) with the initial condition still met.
        var growing = solution.Select((w, i) => w * (float)(1 + 0.5 * (i / problem.Grid.Spatial) / (problem.Grid.Times - 1))).ToArray();
        var wrongStart = Loss(solution, u0 * 0.5);
        // Float32 fields: each term is computed to ~1e-7 of its O(2π) size, so the exact loss is ~1e-12; 1e-9 is far
        // below the 1/16 of the growing field and the (10·0.5)²/4 ≈ 6 of a halved initial condition (weight 10).
        Assert.True(exact < 1e-9, $"exact solution: loss {exact}");
        Assert.InRange(Loss(growing, u0), 0.05, 0.08);
        Assert.True(wrongStart > 1, $"wrong initial condition: loss {wrongStart}");
    }

    [Fact]
    public void The_physics_loss_gradient_matches_finite_differences()
    {
        // Diffusion–sorption exercises the nonlinear retardation, the boundary rows and two experts; u stays positive
        // (away from the clamp's kink) with a positive basis and weights.
        TorchCollection.Seeded(7);
        var problem = new DiffusionSorptionProblem(new DiffusionSorptionParameters(16, 9, 1, 500, 5e-4, 2.157, 0.874, 1e-6, 1));
        using var model = new ConstrainedSurrogate(problem, SurrogateFixtures.Tiny(SurrogateMethod.Moe, experts: 2, SurrogateLoss.Pde));
        var points = new CollocationSampler(problem, model.Partition, 5).Sample(60, 6);
        var basis = rand(1, 6, problem.Grid.Times, problem.Grid.Spatial, dtype: ScalarType.Float64) + 0.1;
        var weights = rand(1, 2, 6, dtype: ScalarType.Float64) / 6 + 0.05;
        var u0 = rand(1, problem.Grid.Spatial, dtype: ScalarType.Float32);
        var (basisDirection, weightDirection) = (randn_like(basis), randn_like(weights));
        double Loss(double h) => model.PhysicsLoss(basis + h * basisDirection, weights + h * weightDirection, u0, points).item<double>();

        var (b, w) = (basis.clone().requires_grad_(true), weights.clone().requires_grad_(true));
        model.PhysicsLoss(b, w, u0, points).backward();
        var directional = ((b.grad! * basisDirection).sum() + (w.grad! * weightDirection).sum()).item<double>();
        const double h = 1e-6;
        var fd = (Loss(h) - Loss(-h)) / (2 * h);
        // Float64 throughout: central differences err by O(h²) ~ 1e-12 relative plus round-off ~1e-16/h ~ 1e-10.
        Assert.True(Math.Abs(fd - directional) < 1e-6 * Math.Abs(fd), $"autograd {directional}, finite difference {fd}");
    }

    [Fact]
    public void Training_on_the_physics_loss_lowers_it_and_the_error()
    {
        // One sample, single hard constraint, the physics loss at points apart from the solve's: after 40 steps the
        // loss at fixed evaluation points and the held-in relative L2 must both fall; a sign error in the implicit
        // gradient through the loss or a loss that ignores the network would leave them where they start.
        TorchCollection.Seeded(1);
        var problem = SurrogateFixtures.Vorticity();
        var (initial, solution) = SurrogateFixtures.DecayingMode(problem, 1);
        var data = new SurrogateDataset(problem.Name, problem.Grid, [initial], [solution], [0]);
        using var model = new ConstrainedSurrogate(problem, SurrogateFixtures.Tiny(SurrogateMethod.Hard, loss: SurrogateLoss.Pde));
        var sampler = new CollocationSampler(problem, model.Partition, 3);
        var (solve, check) = (sampler.Sample(256, 32), sampler.Sample(256, 32));
        double HeldLoss()
        {
            using var _ = no_grad();
            return model.Forward(tensor(initial).view(1, -1), solve, check).PhysicsLoss!.item<double>();
        }
        var (lossBefore, errorBefore) = (HeldLoss(), SurrogateEvaluation.Of(model, data, seed: 9).RelativeL2);
        using var trainer = new SurrogateTrainer(model, seed: 2);
        for (var step = 0; step < 40; step++) trainer.Step(data, [0]);
        var (lossAfter, errorAfter) = (HeldLoss(), SurrogateEvaluation.Of(model, data, seed: 9).RelativeL2);
        Assert.True(lossAfter < lossBefore / 2, $"physics loss {lossBefore} → {lossAfter}");
        Assert.True(errorAfter < errorBefore, $"rel L2 {errorBefore} → {errorAfter}");
        Assert.Equal(0, trainer.NonFiniteGradients);
    }
}
