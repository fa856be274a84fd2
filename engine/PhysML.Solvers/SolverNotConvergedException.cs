using PhysML.Core.Errors;

namespace PhysML.Solvers;

/// <summary>A solve that stopped above its tolerance (PML0201); carries the full <see cref="SolveInfo"/>.</summary>
public sealed class SolverNotConvergedException(string what, SolveInfo info) : PhysMLException(
    ErrorCodes.SolverNotConverged,
    ErrorCategory.Simulation,
    $"{info.Solver} did not converge for {what}: relative residual {info.RelativeResidual:E3} after {info.Iterations} " +
    $"iterations, tolerance {info.Tolerance:E3}. Raise the iteration cap, loosen the tolerance, or check the system " +
    "is symmetric positive definite (a singular all-Neumann system needs a compatible right-hand side).")
{
    public SolveInfo Info { get; } = info;
}
