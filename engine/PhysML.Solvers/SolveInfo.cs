namespace PhysML.Solvers;

/// <summary>What a solve did: iterations, final relative residual ‖r‖/‖b‖, its history, and the time it took.</summary>
public sealed record SolveInfo(
    string Solver,
    int Iterations,
    double RelativeResidual,
    double Tolerance,
    bool Converged,
    IReadOnlyList<double> ResidualHistory,
    TimeSpan Elapsed)
{
    /// <summary>Throws <see cref="SolverNotConvergedException"/> when the solve did not reach its tolerance.</summary>
    public SolveInfo EnsureConverged(string what)
    {
        if (!Converged) throw new SolverNotConvergedException(what, this);
        return this;
    }
}
