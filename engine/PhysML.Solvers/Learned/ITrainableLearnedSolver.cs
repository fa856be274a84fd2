namespace PhysML.Solvers.Learned;

/// <summary>
/// A learned Poisson solver that can train its model in the loop, on any backend: it shows the <see cref="Trainer"/>
/// every system it solves and, at a frame boundary, swaps in the model the trainer adopted (<see cref="Adopt"/>).
/// The CPU <see cref="LearnedPoissonSolver"/> and the Vulkan learned V-cycle solver (PhysML.Gpu) both are.
/// </summary>
public interface ITrainableLearnedSolver : ILearnedPoissonSolver
{
    /// <summary>Online training, when on: sees every system solved (a sample), before the solve.</summary>
    IPressureTrainer? Trainer { get; set; }

    /// <summary>Whether <see cref="Trainer"/> is shown the systems solved (a timeline's training stop/start).</summary>
    bool Training { get; set; }

    /// <summary>Solves with <paramref name="model"/> from the next solve on and releases the model it replaces; call
    /// between solves (at a frame boundary).</summary>
    void Adopt(ISearchDirectionModel model);
}
