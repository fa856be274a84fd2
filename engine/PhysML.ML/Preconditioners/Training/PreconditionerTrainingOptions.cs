namespace PhysML.ML.Preconditioners.Training;

/// <summary>How a search-direction network is trained (offline, or one online round).</summary>
public sealed record PreconditionerTrainingOptions
{
    public int Steps { get; init; } = 400;

    /// <summary>Right-hand sides of one system per step.</summary>
    public int BatchSize { get; init; } = 4;

    public double LearningRate { get; init; } = 1e-3;

    /// <summary>When positive, the loss is the residual after this many unrolled PCG steps
    /// (<see cref="DirectionLoss.UnrolledPcg"/>); else Kaneda et al.'s one-step loss (the energy-norm one when the
    /// systems carry solutions).</summary>
    public int UnrolledSteps { get; init; }

    /// <summary>Seeds the batch choice; the weights' initialisation is seeded by <see cref="TorchRuntime"/>.</summary>
    public int Seed { get; init; }
}
