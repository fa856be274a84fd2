namespace PhysML.Solvers;

/// <summary>How hard a Krylov solver tries: converged when ‖r‖/‖b‖ ≤ <see cref="RelativeTolerance"/>.</summary>
public readonly record struct SolverOptions
{
    public SolverOptions() { }

    public double RelativeTolerance { get; init; } = 1e-8;
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Keep ‖r‖/‖b‖ of every iteration in <see cref="SolveInfo.ResidualHistory"/>.</summary>
    public bool RecordHistory { get; init; } = true;
}
