using PhysML.Solvers.Pressure;

namespace PhysML.Solvers.Learned;

/// <summary>
/// A Poisson solver driven by a learned search-direction model, on the CPU: deep conjugate directions or flexible PCG
/// (<see cref="LearnedMethod"/>). When the model breaks a solve (a non-finite output, a direction with no descent) the
/// solve is finished from the last good iterate by <c>fallback</c> (MGPCG unless given), and
/// <see cref="Fallbacks"/> counts it: a bad network costs time, never a wrong answer.
/// </summary>
public sealed class LearnedPoissonSolver : ITrainableLearnedSolver
{
    private readonly DeepConjugateDirection _dcdm;
    private readonly ConjugateGradient _cg;
    private readonly IPoissonSolver _fallback;

    public LearnedPoissonSolver(ISearchDirectionModel model, LearnedMethod method, SolverOptions options,
        DeepConjugateDirectionSettings settings = default, IPoissonSolver? fallback = null, ParallelOptions? parallel = null)
    {
        Model = model;
        Method = method;
        Options = options;
        _dcdm = new DeepConjugateDirection(options, settings == default ? new DeepConjugateDirectionSettings() : settings, parallel);
        _cg = new ConjugateGradient(options, parallel);
        _fallback = fallback ?? new CpuPoissonSolver(PressurePreconditioner.Multigrid, options, parallel);
    }

    /// <summary>The method names reported in metrics and benchmarks.</summary>
    public static string MethodName(LearnedMethod method) => method == LearnedMethod.Dcdm ? "dcdm" : "fpcg-learned";

    /// <summary>The model in use; online training replaces it between solves.</summary>
    public ISearchDirectionModel Model { get; set; }

    public LearnedMethod Method { get; }

    public string Name => MethodName(Method);

    public string Backend => CpuPoissonSolver.BackendName;

    public SolverOptions Options { get; }

    /// <inheritdoc/>
    public int Fallbacks { get; set; }

    /// <summary>Why the last fallback happened, for the run's warnings.</summary>
    public string? LastBreakdown { get; private set; }

    /// <summary>Online training, when on: sees every system solved (a sample), before the solve.</summary>
    public IPressureTrainer? Trainer { get; set; }

    /// <summary>Whether <see cref="Trainer"/> is shown the systems solved (a timeline's training stop/start); the
    /// trainer still finishes and offers a round it began.</summary>
    public bool Training { get; set; } = true;

    public void Adopt(ISearchDirectionModel model)
    {
        var previous = Model;
        Model = model;
        if (!ReferenceEquals(previous, model)) (previous as IDisposable)?.Dispose();
    }

    public SolveInfo Solve(IPoissonStencil a, ReadOnlySpan<double> b, Span<double> x)
    {
        if (Training) Trainer?.Observe(a, b);
        if (Method == LearnedMethod.Dcdm)
        {
            var result = _dcdm.Solve(Model, a, b, x);
            return result.Outcome == DeepConjugateDirection.Outcome.Broken
                ? FinishWithFallback(a, b, x, result.Info, result.Breakdown!)
                : result.Info;
        }

        // Flexible PCG restarts from the caller's x on a breakdown: CG may already have stepped along a NaN direction.
        var start = x.ToArray();
        var preconditioner = new LearnedPreconditioner(Model, a);
        var info = _cg.Solve(a, b, x, preconditioner) with { Solver = Name };
        if (!preconditioner.ProducedNonFinite && double.IsFinite(info.RelativeResidual)) return info;
        start.CopyTo(x);
        return FinishWithFallback(a, b, x, info with { Iterations = 0 }, $"{Model.Name} returned a non-finite preconditioned residual");
    }

    private SolveInfo FinishWithFallback(IPoissonStencil a, ReadOnlySpan<double> b, Span<double> x, SolveInfo partial, string why)
    {
        Fallbacks++;
        LastBreakdown = why;
        return Continued(Name, partial, _fallback.Solve(a, b, x));
    }

    /// <summary>One report for a solve that <paramref name="rest"/> finished after the learned method (named
    /// <paramref name="name"/>) broke down: solver "name→fallback", iterations and history of both.</summary>
    public static SolveInfo Continued(string name, SolveInfo partial, SolveInfo rest) => rest with
    {
        Solver = $"{name}→{rest.Solver}",
        Iterations = partial.Iterations + rest.Iterations,
        ResidualHistory = partial.ResidualHistory.Concat(rest.ResidualHistory).ToArray(),
        Elapsed = partial.Elapsed + rest.Elapsed,
    };

    public void Dispose() => _fallback.Dispose();
}
