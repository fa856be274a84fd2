namespace PhysML.Solvers.Learned;

/// <summary>Settings of the deep conjugate direction method that are not tolerances (those are <see cref="SolverOptions"/>).</summary>
public readonly record struct DeepConjugateDirectionSettings
{
    public DeepConjugateDirectionSettings() { }

    /// <summary>Each new direction is made A-orthogonal to this many previous ones (the paper uses 2).</summary>
    public int OrthogonalizeAgainst { get; init; } = 2;

    /// <summary>
    /// Every this many iterations the residual is recomputed as b − A·x instead of updated (r −= αAq), costing one more
    /// operator application. The paper recomputes every iteration; in float64 the update drifts by rounding only, so
    /// the CPU default refreshes rarely. 1 reproduces the paper.
    /// </summary>
    public int ResidualRefreshInterval { get; init; } = 16;
}
