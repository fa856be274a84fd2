using PhysML.Solvers;

namespace PhysML.ML.Preconditioners.Training;

/// <summary>What <c>physml train preconditioner</c> trains on and how: one value, recorded in the checkpoint.</summary>
public sealed record OfflineTrainingSettings
{
    public string Architecture { get; init; } = LearnedMultigridNetwork.ArchitectureName;

    public int Dimensions { get; init; } = 3;

    /// <summary>Cells per axis of the random training systems (the networks are fully convolutional: they run on any size).</summary>
    public int Grid { get; init; } = 32;

    /// <summary>Random obstacle layouts (seeds Seed·1000 + i, all below the held-out range).</summary>
    public int Layouts { get; init; } = 8;

    /// <summary>Lanczos steps per system for its Ritz vectors.</summary>
    public int RitzSteps { get; init; } = 48;

    /// <summary>Ritz right-hand sides per system.</summary>
    public int RightHandSides { get; init; } = 16;

    /// <summary>Real systems captured from running scenes (operator, right-hand side, where from), trained on too.</summary>
    public IReadOnlyList<(IPoissonStencil A, double[] B, string Source)> Captured { get; init; } = [];

    public PreconditionerTrainingOptions Training { get; init; } = new();

    /// <summary>Held-out layouts on which DCDM iterations are measured before and after.</summary>
    public int ValidationLayouts { get; init; } = 3;

    public double ValidationTolerance { get; init; } = 1e-6;
}
