namespace PhysML.Solvers.Learned;

/// <summary>
/// A pressure model trained in the loop (the online trainer behind it lives in PhysML.ML): the solver shows it every
/// system it solves, and the engine asks it at each frame boundary whether a better model is ready.
/// </summary>
public interface IPressureTrainer : IDisposable
{
    /// <summary>Offers (A, b) as a training sample; never blocks (a full queue drops it).</summary>
    void Observe(IPoissonStencil a, ReadOnlySpan<double> b);

    /// <summary>The new model to solve with from now on, or null when it is unchanged.</summary>
    ISearchDirectionModel? AtFrameBoundary(int frame);

    OnlineTrainingStatus Status { get; }

    /// <summary>Where training spends its time, per phase, or null when the trainer does not record it.</summary>
    TrainerActivity? Activity => null;

    /// <summary>Why a run checkpoint cannot carry this trainer as configured, or null when it can.</summary>
    string? CheckpointRefusal => $"{GetType().Name} does not support checkpoints";

    /// <summary>Writes the training state to a run checkpoint; only called when <see cref="CheckpointRefusal"/> is null.</summary>
    void WriteCheckpoint(BinaryWriter writer) => throw new NotSupportedException(CheckpointRefusal);

    /// <summary>Reads what <see cref="WriteCheckpoint"/> wrote into the trainer the scene's Startup built; returns the
    /// model to solve with from now on, or null when the one in use (of version <paramref name="versionInUse"/>,
    /// loaded at Startup) still is.</summary>
    ISearchDirectionModel? ReadCheckpoint(BinaryReader reader, int versionInUse) => throw new NotSupportedException(CheckpointRefusal);
}

/// <summary>Counters of online training for the frame's metrics.</summary>
public readonly record struct OnlineTrainingStatus(long Offered, long Dropped, int Rounds, int Rejected, double? LastLoss, int ModelVersion);
