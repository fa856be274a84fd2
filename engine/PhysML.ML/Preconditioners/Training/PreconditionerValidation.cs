using PhysML.Solvers;
using PhysML.Solvers.Learned;

namespace PhysML.ML.Preconditioners.Training;

/// <summary>
/// How well a model does where it matters: the mean DCDM iterations to a tolerance over held-out systems, each solved
/// from zero. What the offline trainer reports and what the online trainer's candidate must not make worse.
/// </summary>
public static class PreconditionerValidation
{
    public sealed record Result(double MeanIterations, int Fallbacks, bool AllConverged);

    /// <summary>The layouts no training run uses: training seeds stay below this (held-out benchmarks start here).</summary>
    public const int FirstHeldOutSeed = 1_000_000;

    /// <summary>Held-out random systems with their right-hand sides (seeds from <see cref="FirstHeldOutSeed"/>).</summary>
    public static IReadOnlyList<(IPoissonStencil A, double[] B)> HeldOut(int dimensions, int n, int count) =>
        Enumerable.Range(FirstHeldOutSeed, count).Select(seed =>
        {
            var a = RandomObstacleSystems.Create(dimensions, n, seed);
            return (a, RandomObstacleSystems.RightHandSide(a, seed));
        }).ToArray();

    public static Result MeanIterations(ISearchDirectionModel model, IReadOnlyList<(IPoissonStencil A, double[] B)> systems,
        double tolerance, ParallelOptions? parallel = null)
    {
        var options = new SolverOptions { RelativeTolerance = tolerance, MaxIterations = 2000, RecordHistory = false };
        using var solver = new LearnedPoissonSolver(model, LearnedMethod.Dcdm, options, parallel: parallel);
        var total = 0;
        var converged = true;
        foreach (var (a, b) in systems)
        {
            var info = solver.Solve(a, b, new double[a.Size]);
            total += info.Iterations;
            converged &= info.Converged;
        }
        return new Result((double)total / systems.Count, solver.Fallbacks, converged);
    }
}
