namespace PhysML.Solvers.Multigrid;

/// <summary>
/// One multigrid V-cycle as a preconditioner, z = M⁻¹r, for CG on a cell-centred Poisson stencil: MGPCG after McAdams,
/// Sifakis and Teran (SCA 2010). Each level runs <see cref="MultigridOptions.Sweeps"/> damped-Jacobi sweeps from zero,
/// restricts the residual (R = scale·Pᵀ), recurses, adds the interpolated correction and runs the same sweeps again;
/// the coarsest level runs <see cref="MultigridOptions.CoarsestSweeps"/> sweeps from zero.
/// <para>
/// Why CG stays valid: Jacobi sweeps from zero are a polynomial in D⁻¹A, symmetric; post-smoothing repeats
/// pre-smoothing, so it is its adjoint; restriction is the transpose of interpolation. The V-cycle is therefore a
/// symmetric operator, and positive definite because ω &lt; 1 makes each sweep an A-norm contraction.
/// </para>
/// With <c>parallel</c>, rows run on several threads; each output is written by one thread, so z is bitwise the same.
/// Not thread-safe (one instance per solve in flight).
/// </summary>
public sealed class MultigridPreconditioner : IPreconditioner
{
    // Rows per parallel work item: enough to amortise scheduling, small enough to balance two to sixteen cores.
    private const int RowsPerItem = 64;
    private readonly ParallelOptions? _parallel;
    private readonly double[][] _x;
    private readonly double[][] _b;
    private readonly double[][] _r;
    private readonly double[][] _t;
    // Restriction's intermediate results: coarse along x only, then along x and y (per level, none at the coarsest).
    private readonly double[][] _alongX;
    private readonly double[][] _alongXY;
    private readonly double _omega;

    /// <param name="a">The fine operator.</param>
    /// <param name="options">Sweeps and the uniform damping ω.</param>
    /// <param name="parallel">Rows on several threads, when given.</param>
    /// <param name="smootherWeights">Per level (finest first), a damping ω per cell replacing the uniform one: the
    /// learned V-cycle's weights (PhysML.ML). Each must lie in (0, 1) on unknown cells, which keeps the V-cycle SPD.</param>
    public MultigridPreconditioner(IPoissonStencil a, MultigridOptions options = default, ParallelOptions? parallel = null,
        IReadOnlyList<double[]>? smootherWeights = null)
    {
        Options = options == default ? new MultigridOptions() : options;
        if (Options.Sweeps < 1 || Options.CoarsestSweeps < 1 || !(Options.Omega > 0 && Options.Omega < 1))
            throw new ArgumentOutOfRangeException(nameof(options), Options,
                "multigrid needs Sweeps ≥ 1, CoarsestSweeps ≥ 1 and 0 < Omega < 1 (the V-cycle must stay symmetric positive definite)");
        Hierarchy = new MultigridHierarchy(a);
        if (smootherWeights is not null)
        {
            Hierarchy.ScaleSmoothers(smootherWeights);
            // The per-cell ω now sits in each level's InverseDiagonal; the kernels multiply by 1.
            _omega = 1;
        }
        else _omega = Options.Omega;
        _parallel = parallel;
        var levels = Hierarchy.Levels;
        _x = levels.Select(l => new double[l.Shape.CellCount]).ToArray();
        _b = levels.Select(l => new double[l.Shape.CellCount]).ToArray();
        _r = levels.Select(l => new double[l.Shape.CellCount]).ToArray();
        _t = levels.Select(l => new double[l.Shape.CellCount]).ToArray();
        _alongX = levels.Zip(levels.Skip(1), (f, c) => new double[c.Shape.Nx * f.Shape.Ny * f.Shape.Nz]).ToArray();
        _alongXY = levels.Zip(levels.Skip(1), (f, c) => new double[c.Shape.Nx * c.Shape.Ny * f.Shape.Nz]).ToArray();
    }

    public const string PreconditionerName = "mg";

    public string Name => PreconditionerName;

    public MultigridOptions Options { get; }

    public MultigridHierarchy Hierarchy { get; }

    public void Apply(ReadOnlySpan<double> r, Span<double> z)
    {
        r.CopyTo(_b[0]);
        Cycle(0);
        _x[0].AsSpan(0, z.Length).CopyTo(z);
    }


    private void Cycle(int l)
    {
        var levels = Hierarchy.Levels;
        var level = levels[l];
        var sweeps = l == levels.Count - 1 ? Options.CoarsestSweeps : Options.Sweeps;
        var (b, r) = (_b[l], _r[l]);
        var omega = _omega;
        // Pre-smoothing from zero: the first sweep needs no residual (it is b).
        ForRows(level.Shape.RowCount, (first, end) => MultigridKernels.SmoothFromZero(level, omega, b, _x[l], first, end));
        Sweeps(l, sweeps - 1);
        if (l == levels.Count - 1) return;
        var coarse = levels[l + 1];
        var x = _x[l];
        ForRows(level.Shape.RowCount, (first, end) => MultigridKernels.Residual(level, b, x, r, first, end));
        var (alongX, alongXY, rhs) = (_alongX[l], _alongXY[l], _b[l + 1]);
        ForRows(level.Shape.RowCount, (first, end) => MultigridKernels.Restrict(level, coarse, 0, r, alongX, alongXY, rhs, first, end));
        ForRows(coarse.Shape.Ny * level.Shape.Nz, (first, end) => MultigridKernels.Restrict(level, coarse, 1, r, alongX, alongXY, rhs, first, end));
        ForRows(coarse.Shape.RowCount, (first, end) => MultigridKernels.Restrict(level, coarse, 2, r, alongX, alongXY, rhs, first, end));
        Cycle(l + 1);
        ForRows(level.Shape.RowCount, (first, end) => MultigridKernels.ProlongAdd(level, coarse, _x[l + 1], x, first, end));
        Sweeps(l, Options.Sweeps);
    }

    // Fused sweeps ping-pong between _x[l] and _t[l]; after each, the result is _x[l] again.
    private void Sweeps(int l, int count)
    {
        var level = Hierarchy.Levels[l];
        var omega = _omega;
        var b = _b[l];
        for (var s = 0; s < count; s++)
        {
            var (x, next) = (_x[l], _t[l]);
            ForRows(level.Shape.RowCount, (first, end) => MultigridKernels.SmoothFused(level, omega, b, x, next, first, end));
            (_x[l], _t[l]) = (next, x);
        }
    }

    private void ForRows(int rows, Action<int, int> body)
    {
        var items = (rows + RowsPerItem - 1) / RowsPerItem;
        if (_parallel is null || items < 2)
        {
            body(0, rows);
            return;
        }
        Parallel.For(0, items, _parallel, item => body(item * RowsPerItem, Math.Min(rows, (item + 1) * RowsPerItem)));
    }
}
