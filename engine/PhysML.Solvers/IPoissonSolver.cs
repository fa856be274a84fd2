namespace PhysML.Solvers;

/// <summary>
/// A solver for a Poisson stencil system A·x = b, warm-started from the x it is given: the one interface the pressure
/// projection, the benchmarks and the learned solvers share, whatever the method and the device. Not converging is
/// reported in the returned <see cref="SolveInfo"/>, not thrown; the caller decides (see
/// <see cref="SolveInfo.EnsureConverged"/>). One instance per solve in flight.
/// </summary>
public interface IPoissonSolver : IDisposable
{
    /// <summary>The method: <c>cg</c>, <c>pcg-jacobi</c>, <c>pcg-mic</c>, <c>mgpcg</c>.</summary>
    string Name { get; }

    /// <summary>Where it runs: <c>cpu</c> or <c>vulkan</c>.</summary>
    string Backend { get; }

    SolverOptions Options { get; }

    SolveInfo Solve(IPoissonStencil a, ReadOnlySpan<double> b, Span<double> x);
}
