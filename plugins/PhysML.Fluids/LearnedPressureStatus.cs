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
/// <c>train.rounds</c> and <c>train.rejected</c>.
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
    public bool CanTrain => Cpu?.Trainer is not null;

    // Online training runs only with the CPU solver (PressureSolverChoice); the GPU DCDM solver has no trainer.
    private LearnedPoissonSolver? Cpu => Solver as LearnedPoissonSolver;

    /// <summary>Whether the trainer is shown each solved system. Set by <see cref="PressureControls"/> requests (a
    /// timeline's <c>training</c> event, the viewer's T) at a frame boundary; stopped, the trainer takes no samples.</summary>
    public bool Training
    {
        get => Cpu is { Trainer: not null, Training: true };
        set
        {
            if (Cpu is { } cpu) cpu.Training = value;
        }
    }

    public void AtFrameBoundary(long frame, FrameMetrics metrics)
    {
        // Online training runs only with the CPU solver (PressureSolverChoice).
        if (Solver is LearnedPoissonSolver { Trainer: { } trainer } cpu)
        {
            if (trainer.AtFrameBoundary((int)frame) is { } adopted)
            {
                var previous = cpu.Model;
                cpu.Model = adopted;
                (previous as IDisposable)?.Dispose();
            }
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

    public string? CheckpointRefusal => Cpu?.Trainer?.CheckpointRefusal is { } refusal
        ? $"{refusal}; a fixed pressureModel can be too"
        : null;

    public void WriteCheckpoint(BinaryWriter writer)
    {
        writer.Write(ModelSha256);
        writer.Write(Solver.Model.Version);
        writer.Write(Solver.Fallbacks);
        if (Cpu is not { Trainer: { } trainer } cpu) return;
        writer.Write(cpu.Training);
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
        if (Cpu is { Trainer: { } trainer } cpu)
        {
            cpu.Training = reader.ReadBoolean();
            if (trainer.ReadCheckpoint(reader, Solver.Model.Version) is { } adopted)
            {
                var loaded = cpu.Model;
                cpu.Model = adopted;
                (loaded as IDisposable)?.Dispose();
            }
        }
        if (version != Solver.Model.Version)
            throw new CheckpointFormatException($"pressure model: the checkpoint ran model version {version}, this run has version {Solver.Model.Version}");
    }

    public void Dispose() => Cpu?.Trainer?.Dispose();
}
