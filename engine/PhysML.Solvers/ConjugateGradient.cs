using System.Diagnostics;

namespace PhysML.Solvers;

/// <summary>
/// Conjugate gradient for symmetric positive definite A (Hestenes–Stiefel; Saad, Iterative Methods, Alg. 6.18), and
/// preconditioned CG (Alg. 9.1) when a preconditioner is given. Convergence is measured on the unpreconditioned
/// residual ‖r‖/‖b‖ either way, so tolerances mean the same with or without one.
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
    private double[] _z = Array.Empty<double>();
    private double[] _rPrevious = Array.Empty<double>();

    public const string Name = "cg";

    public SolverOptions Options { get; } = options;

    public SolveInfo Solve(ILinearOperator a, ReadOnlySpan<double> b, Span<double> x, IPreconditioner? preconditioner = null)
    {
        var start = Stopwatch.GetTimestamp();
        var n = a.Size;
        if (b.Length != n || x.Length != n)
            throw new ArgumentException($"operator size {n}, right-hand side {b.Length} and solution {x.Length} must agree");
        EnsureWorkspace(n);
        Span<double> r = _r.AsSpan(0, n), p = _p.AsSpan(0, n), ap = _ap.AsSpan(0, n), z = _z.AsSpan(0, n);
        var name = preconditioner is null ? Name : $"pcg-{preconditioner.Name}";
        var history = Options.RecordHistory ? new List<double>() : null;

        var bNorm = VectorOps.Norm(b);
        if (bNorm == 0)
        {
            // A·x = 0 has the solution x = 0 for SPD A; return it rather than divide by zero.
            x.Clear();
            return Result(name, 0, 0, true, history, start);
        }

        a.Apply(x, r);
        for (var i = 0; i < n; i++) r[i] = b[i] - r[i];
        // rz = r·z with z = M⁻¹r; without a preconditioner z is r itself (plain CG), and no copy is made.
        var zArray = preconditioner is null ? _r : _z;
        preconditioner?.Apply(r, z);
        zArray.AsSpan(0, n).CopyTo(p);
        var rz = VectorOps.Dot(r, zArray.AsSpan(0, n));
        var relative = VectorOps.Norm(r) / bNorm;
        history?.Add(relative);
        var iteration = 0;
        var flexible = preconditioner?.IsFlexible == true;
        var threaded = parallel is not null && a is IParallelLinearOperator ? (IParallelLinearOperator)a : null;
        while (relative > Options.RelativeTolerance && iteration < Options.MaxIterations && double.IsFinite(relative))
        {
            if (threaded is not null) threaded.Apply(_p, _ap, parallel!);
            else a.Apply(p, ap);
            var pAp = VectorOps.Dot(_p, _ap, n, parallel);
            if (!(pAp > 0)) break; // A is not positive definite along p (or NaN): stop and report.
            var alpha = rz / pAp;
            VectorOps.Axpy(alpha, p, x);
            if (flexible) r.CopyTo(_rPrevious);
            VectorOps.Axpy(-alpha, _ap, _r, n, parallel);
            var rr = VectorOps.Dot(_r, _r, n, parallel);
            iteration++;
            relative = Math.Sqrt(rr) / bNorm;
            history?.Add(relative);
            if (relative <= Options.RelativeTolerance) break;
            preconditioner?.Apply(r, z);
            var rzNext = preconditioner is null ? rr : VectorOps.Dot(_r, _z, n, parallel);
            // Fletcher–Reeves β = z·r / z₋·r₋ for a fixed M; Polak–Ribière β = z·(r − r₋) / z₋·r₋ for a flexible one.
            var beta = flexible ? (rzNext - VectorOps.Dot(_z, _rPrevious, n, parallel)) / rz : rzNext / rz;
            VectorOps.Xpby(zArray, beta, _p, n, parallel);
            rz = rzNext;
        }
        return Result(name, iteration, relative, relative <= Options.RelativeTolerance, history, start);
    }

    private SolveInfo Result(string name, int iterations, double relative, bool converged, List<double>? history, long start) =>
        new(name, iterations, relative, Options.RelativeTolerance, converged,
            (IReadOnlyList<double>?)history ?? Array.Empty<double>(), Stopwatch.GetElapsedTime(start));

    // Grow-only: a system whose size changes (moving obstacles change the unknowns) reuses the arrays.
    private void EnsureWorkspace(int n)
    {
        if (_r.Length >= n) return;
        _r = new double[n];
        _p = new double[n];
        _ap = new double[n];
        _z = new double[n];
        _rPrevious = new double[n];
    }
}
