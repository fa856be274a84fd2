using PhysML.Core.Application;
using PhysML.Core.Checkpoints;
using PhysML.Core.Diagnostics;
using PhysML.Core.Errors;
using PhysML.Solvers.Learned;

namespace PhysML.Fluids;

/// <summary>
/// The learned pressure solver of the scene, when it has one. At each frame boundary it adopts the model online
/// training validated (the solver never changes model inside a frame), and records <c>model.version</c>,
/// <c>solve.fallbacks</c> (cumulative) and, when training, <c>train.loss</c>, <c>train.samples</c>, <c>train.dropped</c>,
/// <c>train.rounds</c>, <c>train.rejected</c> and the trainer's time per phase during the frame, <c>train.&lt;phase&gt;_ms</c>.
/// <para>
/// Checkpoints (<see cref="ICheckpointable"/>): with a fixed model, the model file's SHA-256 (a resume loads the model
/// again from its file, so a changed file is refused, PML0605) and the fallback count; the model holds no other state
/// between solves. Deterministic online training adds whether training takes samples and the trainer's whole state
/// (<see cref="IPressureTrainer.WriteCheckpoint"/>), and a resume solves with the model the checkpoint had adopted.
/// Background training is refused (<see cref="CheckpointRefusal"/>): a thread's timing decides what it trained on.
/// </para>
/// </summary>
/// <param name="Solver">The solver running the model.</param>
/// <param name="ModelPath">The model file the scene names (resolved), for messages.</param>
/// <param name="ModelSha256">The SHA-256 of that file's content as it was loaded, lower-case hex.</param>
internal sealed record LearnedPressureStatus(ILearnedPoissonSolver Solver, string ModelPath, string ModelSha256) : IDisposable, ICheckpointable
{
    /// <summary>True when online training was set up for this solver (taking samples or stopped).</summary>
    public bool CanTrain => Trainable?.Trainer is not null;

    /// <summary>The solver as one that trains (the CPU solver, the Vulkan learned V-cycle), or null (the GPU DCDM
    /// solver of a residual network has no trainer).</summary>
    public ITrainableLearnedSolver? Trainable => Solver as ITrainableLearnedSolver;

    // The trainer's cumulative time per phase at the last frame boundary, for the per-frame train.*_ms figures.
    private IReadOnlyDictionary<string, double>? _activityBefore;

    /// <summary>Whether the trainer is shown each solved system. Set by <see cref="PressureControls"/> requests (a
    /// timeline's <c>training</c> event, the viewer's T) at a frame boundary; stopped, the trainer takes no samples.</summary>
    public bool Training
    {
        get => Trainable is { Trainer: not null, Training: true };
        set
        {
            if (Trainable is { } solver) solver.Training = value;
        }
    }

    public void AtFrameBoundary(long frame, FrameMetrics metrics)
    {
        if (Trainable is { Trainer: { } trainer } solver)
        {
            if (trainer.AtFrameBoundary((int)frame) is { } adopted) solver.Adopt(adopted);
            RecordActivity(trainer, metrics);
            var status = trainer.Status;
            if (status.LastLoss is { } loss) metrics.Set("train.loss", loss);
            metrics.Set("train.samples", status.Offered);
            metrics.Set("train.dropped", status.Dropped);
            metrics.Set("train.rounds", status.Rounds);
            metrics.Set("train.rejected", status.Rejected);
        }
        metrics.Set("model.version", Solver.Model.Version);
        metrics.Set("solve.fallbacks", Solver.Fallbacks);
    }

    // train.<phase>_ms: what the trainer spent during this frame (since the last boundary), per phase.
    private void RecordActivity(IPressureTrainer trainer, FrameMetrics metrics)
    {
        if (trainer.Activity is not { } activity) return;
        var now = activity.Milliseconds();
        foreach (var (phase, ms) in now) metrics.Set($"train.{phase}_ms", ms - (_activityBefore?.GetValueOrDefault(phase) ?? 0));
        _activityBefore = now;
    }

    public string? CheckpointRefusal => Trainable?.Trainer?.CheckpointRefusal is { } refusal
        ? $"{refusal}; a fixed pressureModel can be too"
        : null;

    public void WriteCheckpoint(BinaryWriter writer)
    {
        writer.Write(ModelSha256);
        writer.Write(Solver.Model.Version);
        writer.Write(Solver.Fallbacks);
        if (Trainable is not { Trainer: { } trainer } trainable) return;
        writer.Write(trainable.Training);
        trainer.WriteCheckpoint(writer);
    }

    public void ReadCheckpoint(BinaryReader reader)
    {
        var sha256 = reader.ReadString();
        if (sha256 != ModelSha256)
            throw new PhysMLException(ErrorCodes.CheckpointSceneChanged, ErrorCategory.BadInput,
                $"pressure model {ModelPath} changed since the checkpoint was written (SHA-256 {sha256[..12]}…, now {ModelSha256[..12]}…); " +
                "a resumed run would not continue the same simulation. Restore the model file, or start a new run");
        var version = reader.ReadInt32();
        Solver.Fallbacks = reader.ReadInt32();
        if (Trainable is { Trainer: { } trainer } trainable)
        {
            trainable.Training = reader.ReadBoolean();
            if (trainer.ReadCheckpoint(reader, Solver.Model.Version) is { } adopted) trainable.Adopt(adopted);
        }
        if (version != Solver.Model.Version)
            throw new CheckpointFormatException($"pressure model: the checkpoint ran model version {version}, this run has version {Solver.Model.Version}");
    }

    public void Dispose() => Trainable?.Trainer?.Dispose();
}
