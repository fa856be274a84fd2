using PhysML.Core.Diagnostics;
using PhysML.Solvers.Learned;

namespace PhysML.Fluids;

/// <summary>
/// The learned pressure solver of the scene, when it has one. At each frame boundary it adopts the model online
/// training validated (the solver never changes model inside a frame), and records <c>model.version</c>,
/// <c>solve.fallbacks</c> (cumulative) and, when training, <c>train.loss</c>, <c>train.samples</c>, <c>train.dropped</c>,
/// <c>train.rounds</c>, <c>train.rejected</c> and the trainer's time per phase during the frame, <c>train.&lt;phase&gt;_ms</c>.
/// </summary>
internal sealed record LearnedPressureStatus(ILearnedPoissonSolver Solver) : IDisposable
{
    // The trainer while training is paused (T in the viewer): detached from the solver, so no samples are offered and
    // no model is adopted, but its thread, optimiser state and model version survive until it is resumed.
    private IPressureTrainer? _paused;

    /// <summary>True when online training was set up for this solver (paused or not).</summary>
    public bool CanTrain => Trainable?.Trainer is not null || _paused is not null;

    /// <summary>The solver as one that trains (the CPU solver, the Vulkan learned V-cycle), or null (the GPU DCDM
    /// solver of a residual network has no trainer).</summary>
    public ITrainableLearnedSolver? Trainable => Solver as ITrainableLearnedSolver;

    // The trainer's cumulative time per phase at the last frame boundary, for the per-frame train.*_ms figures.
    private IReadOnlyDictionary<string, double>? _activityBefore;

    /// <summary>True while the trainer is attached and learning from each solve.</summary>
    public bool Training => Trainable?.Trainer is not null;

    /// <summary>Pauses or resumes online training; call at a frame boundary (the solver is not in a solve).</summary>
    public void ToggleTraining()
    {
        if (Trainable is not { } solver) return;
        (solver.Trainer, _paused) = (_paused, solver.Trainer);
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

    public void Dispose()
    {
        Trainable?.Trainer?.Dispose();
        _paused?.Dispose();
    }
}
