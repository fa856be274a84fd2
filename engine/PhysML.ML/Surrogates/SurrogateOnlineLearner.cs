using PhysML.ML.Training;

namespace PhysML.ML.Surrogates;

/// <summary>
/// Fine-tunes a <see cref="ConstrainedSurrogate"/> in the loop: the <see cref="OnlineTrainer{TSample, TSnapshot}"/>'s
/// learner for windows of a running reference. It trains a working copy with <see cref="SurrogateTrainer"/> (the step of
/// <c>physml train surrogate</c>, with the supervised <see cref="SurrogateLoss.Data"/> loss whatever the model was trained
/// with: the running reference hands us the true trajectory, which is the point of fine-tuning from it) on batches of <see cref="BatchSize"/> windows, and scores a snapshot
/// by its mean relative L2 error on the held-out windows, at collocation points drawn from one fixed seed so that the
/// candidate and the model in use are compared at the same points.
/// </summary>
public sealed class SurrogateOnlineLearner : IOnlineLearner<SurrogateWindow, SurrogateSnapshot>
{
    /// <summary>Windows per optimiser step (fewer while the reservoir holds fewer).</summary>
    public const int BatchSize = 4;

    private readonly ConstrainedSurrogate _working;
    private readonly SurrogateTrainer _trainer;
    private readonly int _seed;

    public SurrogateOnlineLearner(ConstrainedSurrogate start, double learningRate, int seed)
    {
        _working = start.With(start.Settings with { LearningRate = learningRate, Loss = SurrogateLoss.Data });
        _trainer = new SurrogateTrainer(_working, seed);
        _seed = seed;
    }

    public double Train(IReadOnlyList<SurrogateWindow> samples, int steps, Random random) =>
        _trainer.Train(Dataset(samples), steps, BatchSize, random).Average();

    public SurrogateSnapshot Snapshot(int version) => new(_working.With(_working.Settings), version);

    public double Score(SurrogateSnapshot snapshot, IReadOnlyList<SurrogateWindow> heldOut)
    {
        var error = SurrogateEvaluation.Of(snapshot.Model, Dataset(heldOut), _seed).RelativeL2;
        snapshot.HeldOutRelL2 = error;
        return error;
    }

    private SurrogateDataset Dataset(IReadOnlyList<SurrogateWindow> windows) => new(_working.Problem.Name, _working.Problem.Grid,
        windows.Select(w => w.Initial).ToArray(), windows.Select(w => w.Solution).ToArray(), Enumerable.Range(0, windows.Count).ToArray());

    public void Dispose()
    {
        _trainer.Dispose();
        _working.Dispose();
    }
}
