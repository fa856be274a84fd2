using System.Diagnostics;

namespace PhysML.Solvers;

/// <summary>
/// Conjugate gradient for symmetric positive definite A (Hestenes–Stiefel; Saad, Iterative Methods, Alg. 6.18).
/// Starts from the x it is given (a warm start). Workspace is kept between solves of the same size.
/// With <paramref name="parallel"/>, the vector updates, dot products and (for an <see cref="IParallelLinearOperator"/>)
/// the operator run on several threads; the iterates are bitwise the same as with one (see <see cref="VectorOps"/>).
/// Not thread-safe: one instance per concurrent solve.
/// </summary>
public sealed class ConjugateGradient(SolverOptions options, ParallelOptions? parallel = null)
{
    private double[] _r = Array.Empty<double>();
    private double[] _p = Array.Empty<double>();
    private double[] _ap = Array.Empty<double>();

    public const string Name = "cg";

    public SolverOptions Options { get; } = options;

    public SolveInfo Solve(ILinearOperator a, ReadOnlySpan<double> b, Span<double> x)
    {
        var start = Stopwatch.GetTimestamp();
        var n = a.Size;
        if (b.Length != n || x.Length != n)
            throw new ArgumentException($"operator size {n}, right-hand side {b.Length} and solution {x.Length} must agree");
        EnsureWorkspace(n);
        Span<double> r = _r.AsSpan(0, n), p = _p.AsSpan(0, n), ap = _ap.AsSpan(0, n);
        var history = Options.RecordHistory ? new List<double>() : null;

        var bNorm = VectorOps.Norm(b);
        if (bNorm == 0)
        {
            // A·x = 0 has the solution x = 0 for SPD A; return it rather than divide by zero.
            x.Clear();
            return Result(0, 0, true, history, start);
        }

        a.Apply(x, r);
        for (var i = 0; i < n; i++) r[i] = b[i] - r[i];
        r.CopyTo(p);
        var rr = VectorOps.Dot(r, r);
        var relative = Math.Sqrt(rr) / bNorm;
        history?.Add(relative);
        var iteration = 0;
        var threaded = parallel is not null && a is IParallelLinearOperator ? (IParallelLinearOperator)a : null;
        while (relative > Options.RelativeTolerance && iteration < Options.MaxIterations && double.IsFinite(relative))
        {
            if (threaded is not null) threaded.Apply(_p, _ap, parallel!);
            else a.Apply(p, ap);
            var pAp = VectorOps.Dot(_p, _ap, n, parallel);
            if (!(pAp > 0)) break; // A is not positive definite along p (or NaN): stop and report.
            var alpha = rr / pAp;
            VectorOps.Axpy(alpha, p, x);
            VectorOps.Axpy(-alpha, _ap, _r, n, parallel);
            var rrNext = VectorOps.Dot(_r, _r, n, parallel);
            VectorOps.Xpby(_r, rrNext / rr, _p, n, parallel);
            rr = rrNext;
            iteration++;
            relative = Math.Sqrt(rr) / bNorm;
            history?.Add(relative);
        }
        return Result(iteration, relative, relative <= Options.RelativeTolerance, history, start);
    }

    private SolveInfo Result(int iterations, double relative, bool converged, List<double>? history, long start) =>
        new(Name, iterations, relative, Options.RelativeTolerance, converged,
            (IReadOnlyList<double>?)history ?? Array.Empty<double>(), Stopwatch.GetElapsedTime(start));

    // Grow-only: a system whose size changes (moving obstacles change the unknowns) reuses the arrays.
    private void EnsureWorkspace(int n)
    {
        if (_r.Length >= n) return;
        _r = new double[n];
        _p = new double[n];
        _ap = new double[n];
    }
}
