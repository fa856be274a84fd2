using System.Diagnostics;

namespace PhysML.Solvers.Learned;

/// <summary>
/// The deep conjugate direction method (Kaneda et al., ICML 2023, Algorithm 2): each iteration asks the model for a
/// direction from the unit-norm residual, makes it A-orthogonal to the last
/// <see cref="DeepConjugateDirectionSettings.OrthogonalizeAgainst"/> directions, and takes the exact line-search step
/// α = q·r / q·Aq, so the model's output scale never matters. Converged when ‖r‖/‖b‖ ≤ tolerance, like CG.
/// <para>
/// One operator application per iteration: A·q is orthogonalised along with q (A is linear), and the residual is
/// updated by −αAq, refreshed as b − Ax every <see cref="DeepConjugateDirectionSettings.ResidualRefreshInterval"/>.
/// </para>
/// A solve that cannot continue (the model returned a non-finite value, or a direction with q·Aq ≤ 0) stops with
/// <see cref="Outcome.Broken"/> and leaves x at its last good iterate, so the caller can finish with another solver.
/// Not thread-safe: one instance per concurrent solve.
/// </summary>
public sealed class DeepConjugateDirection(SolverOptions options, DeepConjugateDirectionSettings settings, ParallelOptions? parallel = null)
{
    public const string Name = "dcdm";

    public enum Outcome { Converged, IterationLimit, Broken }

    /// <summary>What <see cref="Solve"/> did; <see cref="Breakdown"/> says why it broke down, when it did.</summary>
    public sealed record Result(SolveInfo Info, Outcome Outcome, string? Breakdown);

    private double[] _r = Array.Empty<double>();
    private double[] _unit = Array.Empty<double>();
    private double[] _q = Array.Empty<double>();
    private double[] _aq = Array.Empty<double>();
    private double[][] _directions = Array.Empty<double[]>();
    private double[][] _applied = Array.Empty<double[]>();
    private readonly double[] _curvature = new double[Math.Max(0, settings.OrthogonalizeAgainst)];

    public SolverOptions Options => options;

    public Result Solve(ISearchDirectionModel model, IPoissonStencil a, ReadOnlySpan<double> b, Span<double> x)
    {
        var start = Stopwatch.GetTimestamp();
        var n = a.Size;
        if (b.Length != n || x.Length != n)
            throw new ArgumentException($"operator size {n}, right-hand side {b.Length} and solution {x.Length} must agree");
        EnsureWorkspace(n);
        var history = options.RecordHistory ? new List<double>() : null;
        var bNorm = VectorOps.Norm(b);
        if (bNorm == 0)
        {
            x.Clear();
            return Done(Outcome.Converged, 0, 0, history, start);
        }

        TrueResidual(a, b, x);
        var relative = Math.Sqrt(VectorOps.Dot(_r, _r, n, parallel)) / bNorm;
        history?.Add(relative);
        var iteration = 0;
        var stored = 0;
        while (relative > options.RelativeTolerance && iteration < options.MaxIterations)
        {
            var scale = 1 / (relative * bNorm);
            for (var c = 0; c < n; c++) _unit[c] = _r[c] * scale;
            model.Propose(a, _unit.AsSpan(0, n), _q.AsSpan(0, n));
            // Identity rows (solids, sealed cells) have A⁻¹ = I there; the model's value is ignored.
            for (var c = 0; c < n; c++)
                if (!a.IsUnknown(c)) _q[c] = _unit[c];
            if (!AllFinite(_q, n))
                return Done(Outcome.Broken, iteration, relative, history, start, $"{model.Name} returned a non-finite direction");

            Apply(a, _q, _aq);
            for (var s = 0; s < stored; s++)
            {
                var slot = (iteration - 1 - s) % _directions.Length;
                var coefficient = VectorOps.Dot(_q, _applied[slot], n, parallel) / _curvature[slot];
                VectorOps.Axpy(-coefficient, _directions[slot], _q, n, parallel);
                VectorOps.Axpy(-coefficient, _applied[slot], _aq, n, parallel);
            }
            var qAq = VectorOps.Dot(_q, _aq, n, parallel);
            if (!(qAq > 0))
                return Done(Outcome.Broken, iteration, relative, history, start,
                    $"{model.Name} proposed a direction with q·Aq = {qAq:G3} (no descent possible)");
            var alpha = VectorOps.Dot(_q, _r, n, parallel) / qAq;
            VectorOps.Axpy(alpha, _q.AsSpan(0, n), x);
            iteration++;
            if (iteration % Math.Max(1, settings.ResidualRefreshInterval) == 0) TrueResidual(a, b, x);
            else VectorOps.Axpy(-alpha, _aq, _r, n, parallel);
            relative = Math.Sqrt(VectorOps.Dot(_r, _r, n, parallel)) / bNorm;
            history?.Add(relative);

            if (_directions.Length > 0)
            {
                // The new direction enters the ring by swapping buffers, not copying.
                var slot = (iteration - 1) % _directions.Length;
                (_directions[slot], _q) = (_q, _directions[slot]);
                (_applied[slot], _aq) = (_aq, _applied[slot]);
                _curvature[slot] = qAq;
                stored = Math.Min(stored + 1, _directions.Length);
            }
        }
        var outcome = relative <= options.RelativeTolerance ? Outcome.Converged : Outcome.IterationLimit;
        return Done(outcome, iteration, relative, history, start);
    }

    private void TrueResidual(IPoissonStencil a, ReadOnlySpan<double> b, ReadOnlySpan<double> x)
    {
        x.CopyTo(_unit);
        Apply(a, _unit, _r);
        for (var c = 0; c < b.Length; c++) _r[c] = b[c] - _r[c];
    }

    private void Apply(IPoissonStencil a, double[] v, double[] result)
    {
        if (parallel is not null) a.Apply(v, result, parallel);
        else a.Apply(v.AsSpan(0, a.Size), result.AsSpan(0, a.Size));
    }

    private static bool AllFinite(double[] v, int n)
    {
        for (var c = 0; c < n; c++)
            if (!double.IsFinite(v[c])) return false;
        return true;
    }

    private Result Done(Outcome outcome, int iterations, double relative, List<double>? history, long start, string? breakdown = null) =>
        new(new SolveInfo(Name, iterations, relative, options.RelativeTolerance, outcome == Outcome.Converged,
            (IReadOnlyList<double>?)history ?? Array.Empty<double>(), Stopwatch.GetElapsedTime(start)), outcome, breakdown);

    // Exact-size buffers: the parallel operator overload works on whole arrays.
    private void EnsureWorkspace(int n)
    {
        if (_r.Length == n) return;
        _r = new double[n];
        _unit = new double[n];
        _q = new double[n];
        _aq = new double[n];
        var depth = _curvature.Length;
        _directions = Enumerable.Range(0, depth).Select(_ => new double[n]).ToArray();
        _applied = Enumerable.Range(0, depth).Select(_ => new double[n]).ToArray();
    }
}
