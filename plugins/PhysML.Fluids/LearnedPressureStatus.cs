using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Solvers.Learned;

namespace PhysML.Fluids;

/// <summary>
/// The learned pressure solver of the scene, when it has one. At each frame boundary it adopts the model online
/// training validated (the solver never changes model inside a frame), and records <c>model.version</c>,
/// <c>solve.fallbacks</c> (cumulative) and, when training, <c>train.loss</c>, <c>train.samples</c>, <c>train.dropped</c>,
/// <c>train.rounds</c> and <c>train.rejected</c>.
/// </summary>
internal sealed record LearnedPressureStatus(ILearnedPoissonSolver Solver) : IDisposable
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

    public void Dispose() => Cpu?.Trainer?.Dispose();
}
