namespace PhysML.ML.Training;

/// <summary>
/// What the <see cref="OnlineTrainer{TSample, TSnapshot}"/> trains: the learner keeps a working copy of the model that
/// only the training thread touches, and hands out immutable snapshots that the engine turns into the model it runs.
/// </summary>
public interface IOnlineLearner<TSample, TSnapshot> : IDisposable where TSnapshot : class
{
    /// <summary>Trains the working copy for <paramref name="steps"/> steps on batches drawn from <paramref name="samples"/>;
    /// returns the mean loss.</summary>
    double Train(IReadOnlyList<TSample> samples, int steps, Random random);

    /// <summary>A frozen copy of the working weights, as the <paramref name="version"/>-th adoption would make it.</summary>
    TSnapshot Snapshot(int version);

    /// <summary>How well <paramref name="snapshot"/> does on held-out samples; lower is better (e.g. mean iterations).</summary>
    double Score(TSnapshot snapshot, IReadOnlyList<TSample> heldOut);
}
