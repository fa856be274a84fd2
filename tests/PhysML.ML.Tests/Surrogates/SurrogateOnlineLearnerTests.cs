using PhysML.ML.Surrogates;
using static TorchSharp.torch;

namespace PhysML.ML.Tests.Surrogates;

/// <summary>The online trainer's surrogate learner on windows of exact decaying modes (no solver needed).</summary>
[Collection(TorchCollection.Name)]
public sealed class SurrogateOnlineLearnerTests
{
    private static SurrogateWindow Window(VorticityProblem problem, double amplitude)
    {
        var (initial, solution) = SurrogateFixtures.DecayingMode(problem, amplitude);
        return new SurrogateWindow(initial, solution);
    }

    private static double[] Predict(ConstrainedSurrogate model, float[] initial)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        model.eval();
        var points = new CollocationSampler(model.Problem, model.Partition, 3).Sample(model.Settings.Points, model.Settings.InitialRows);
        return model.Forward(tensor(initial).view(1, -1), points).Prediction.contiguous().data<double>().ToArray();
    }

    [Fact]
    public void A_snapshot_is_frozen_and_training_leaves_the_starting_model_alone()
    {
        TorchCollection.Seeded(11);
        var problem = SurrogateFixtures.Vorticity(n: 8, times: 4);
        using var start = new ConstrainedSurrogate(problem, SurrogateFixtures.Tiny(SurrogateMethod.Soft));
        var windows = new[] { 0.5, 1.0, 1.5, 2.0 }.Select(a => Window(problem, a)).ToArray();
        var startBefore = Predict(start, windows[0].Initial);
        using var learner = new SurrogateOnlineLearner(start, 1e-2, seed: 1);
        var snapshot = learner.Snapshot(1);
        var frozen = Predict(snapshot.Model, windows[0].Initial);

        var loss = learner.Train(windows, 5, new Random(2));

        Assert.True(double.IsFinite(loss) && loss > 0, $"loss {loss}");
        Assert.Equal(frozen, Predict(snapshot.Model, windows[0].Initial));
        Assert.Equal(startBefore, Predict(start, windows[0].Initial));
        Assert.NotEqual(frozen, Predict(learner.Snapshot(2).Model, windows[0].Initial));
    }

    [Fact]
    public void The_score_is_the_held_out_relative_L2_and_is_kept_on_the_snapshot()
    {
        TorchCollection.Seeded(12);
        var problem = SurrogateFixtures.Vorticity(n: 8, times: 4);
        using var start = new ConstrainedSurrogate(problem, SurrogateFixtures.Tiny(SurrogateMethod.Hard));
        var heldOut = new[] { 0.7, 1.3 }.Select(a => Window(problem, a)).ToArray();
        using var learner = new SurrogateOnlineLearner(start, 1e-3, seed: 4);
        var snapshot = learner.Snapshot(1);
        Assert.Null(snapshot.HeldOutRelL2);

        var score = learner.Score(snapshot, heldOut);

        var data = new SurrogateDataset(problem.Name, problem.Grid, heldOut.Select(w => w.Initial).ToArray(), heldOut.Select(w => w.Solution).ToArray(), [0, 1]);
        Assert.Equal(SurrogateEvaluation.Of(snapshot.Model, data, 4).RelativeL2, score, 12);
        Assert.Equal(score, snapshot.HeldOutRelL2);
    }
}
