using PhysML.Solvers;
using PhysML.Solvers.Multigrid;
using TorchSharp;
using static TorchSharp.torch;

namespace PhysML.ML.Preconditioners;

/// <summary>
/// A <see cref="MultigridHierarchy"/> as tensors, and the V-cycle of <see cref="MultigridPreconditioner"/> written with
/// tensor operations so that it can be differentiated: the learned V-cycle trains its smoother weights through it.
/// It repeats the CPU kernels' arithmetic (same levels, same normalised cell-centred interpolation clamped at walls and
/// wrapped on periodic axes, restriction = scale·Pᵀ, damped Jacobi from zero, the same sweep counts), so weights trained
/// here mean the same in the engine's V-cycle; a test checks the two agree.
/// </summary>
public sealed class MultigridTensors : IDisposable
{
    private readonly Level[] _levels;

    private sealed record Level(StencilTensors Stencil, Tensor InverseDiagonal, Tensor InterpolationScale,
        (int X, int Y, int Z) Ratio, double RestrictionScale, MultigridLevel Source);

    public MultigridTensors(MultigridHierarchy hierarchy)
    {
        Hierarchy = hierarchy;
        _levels = hierarchy.Levels.Select(l => new Level(
            new StencilTensors(l.Shape, l.Diagonal, l.East, l.North, l.Front, StencilTensors.UnknownMask(l.Shape.CellCount, l.IsUnknown)),
            Owned(l, l.InverseDiagonal), Owned(l, l.InterpolationScale), l.Ratio, l.RestrictionScale, l)).ToArray();
    }

    public MultigridHierarchy Hierarchy { get; }

    public int LevelCount => _levels.Length;

    public StencilTensors Stencil(int level) => _levels[level].Stencil;

    /// <summary>
    /// z = V-cycle(b) for a batch b [B, 1, ...] with damping <paramref name="omega"/>[l] per level (each [1, 1, ...] of
    /// that level's shape, or a scalar tensor), as <see cref="MultigridPreconditioner.Apply"/> computes it.
    /// </summary>
    public Tensor Cycle(Tensor b, IReadOnlyList<Tensor> omega, MultigridOptions options) => Cycle(0, b, omega, options);

    private Tensor Cycle(int l, Tensor b, IReadOnlyList<Tensor> omega, MultigridOptions options)
    {
        var level = _levels[l];
        var coarsest = l == _levels.Length - 1;
        var smoother = omega[l] * level.InverseDiagonal;
        var x = smoother * b;
        for (var s = 1; s < (coarsest ? options.CoarsestSweeps : options.Sweeps); s++)
            x = x + smoother * (b - level.Stencil.Apply(x));
        if (coarsest) return x;

        var next = _levels[l + 1];
        var residual = b - level.Stencil.Apply(x);
        var coarseRhs = level.RestrictionScale * Transfer(level, level.InterpolationScale * residual, transpose: true) * next.Stencil.Unknown;
        var correction = Cycle(l + 1, coarseRhs, omega, options);
        x = x + level.InterpolationScale * Transfer(level, correction, transpose: false);
        for (var s = 0; s < options.Sweeps; s++)
            x = x + smoother * (b - level.Stencil.Apply(x));
        return x;
    }

    // Interpolation P (coarse → fine) or its transpose (fine → coarse), one axis at a time (P is a tensor product).
    private static Tensor Transfer(Level fine, Tensor values, bool transpose)
    {
        var shape = fine.Source.Shape;
        var axes = new List<(int Dim, int Ratio, int FineCount, bool Periodic)>
        {
            (-1, fine.Ratio.X, shape.Nx, shape.PeriodicX),
            (-2, fine.Ratio.Y, shape.Ny, shape.PeriodicY),
        };
        if (shape.Nz > 1) axes.Add((-3, fine.Ratio.Z, shape.Nz, shape.PeriodicZ));
        foreach (var (dim, ratio, count, periodic) in axes)
        {
            if (ratio == 1) continue;
            var d = values.dim() + dim;
            values = transpose ? RestrictAxis(values, d, count, periodic) : InterpolateAxis(values, d, count, periodic);
        }
        return values;
    }

    /// <summary>
    /// Along dimension <paramref name="d"/>: fine 2p reads ¾ of coarse p and ¼ of p − 1, fine 2p + 1 ¾ of p and ¼ of
    /// p + 1; a neighbour beyond a wall is replaced by p itself (weight 1 of p, the clamp), a periodic one wraps.
    /// The result is cut to <paramref name="fineCount"/> (odd fine counts round their coarse count up).
    /// </summary>
    private static Tensor InterpolateAxis(Tensor coarse, long d, int fineCount, bool periodic)
    {
        var c = coarse.shape[d];
        var minus = periodic ? coarse.roll(1, d) : cat([coarse.narrow(d, 0, 1), coarse.narrow(d, 0, c - 1)], d);
        var plus = periodic ? coarse.roll(-1, d) : cat([coarse.narrow(d, 1, c - 1), coarse.narrow(d, c - 1, 1)], d);
        var even = 0.75 * coarse + 0.25 * minus;
        var odd = 0.75 * coarse + 0.25 * plus;
        return stack([even, odd], d + 1).flatten(d, d + 1).narrow(d, 0, fineCount);
    }

    /// <summary>The exact transpose of <see cref="InterpolateAxis"/>.</summary>
    private static Tensor RestrictAxis(Tensor fine, long d, int fineCount, bool periodic)
    {
        var c = (fineCount + 1) / 2;
        if (fineCount < 2 * c)
        {
            var padShape = fine.shape.ToArray();
            padShape[d] = 2 * c - fineCount;
            fine = cat([fine, zeros(padShape, fine.dtype)], d);
        }
        var pairs = fine.unflatten(d, [c, 2]);
        var even = pairs.select(d + 1, 0);
        var odd = pairs.select(d + 1, 1);
        Tensor minusT, plusT;
        if (periodic)
        {
            // P's "minus" reads roll(+1); its transpose is roll(−1). Likewise for "plus".
            minusT = even.roll(-1, d);
            plusT = odd.roll(1, d);
        }
        else
        {
            // minus[p] = coarse[max(p − 1, 0)]: coarse q collects even[q + 1], and q = 0 also even[0].
            var evenFirst = even.narrow(d, 0, 1);
            minusT = cat([even.narrow(d, 1, c - 1), zeros_like(evenFirst)], d);
            minusT = minusT + OneHot(even, d, 0) * evenFirst;
            // plus[p] = coarse[min(p + 1, c − 1)]: coarse q collects odd[q − 1], and q = c − 1 also odd[c − 1].
            var oddLast = odd.narrow(d, c - 1, 1);
            plusT = cat([zeros_like(oddLast), odd.narrow(d, 0, c - 1)], d);
            plusT = plusT + OneHot(odd, d, c - 1) * oddLast;
        }
        return 0.75 * (even + odd) + 0.25 * (minusT + plusT);
    }

    // A tensor broadcastable against `like` that is 1 at index `at` along dimension d and 0 elsewhere.
    private static Tensor OneHot(Tensor like, long d, long at)
    {
        var shape = Enumerable.Repeat(1L, (int)like.dim()).ToArray();
        shape[d] = like.shape[d];
        var values = new float[like.shape[d]];
        values[at] = 1;
        return tensor(values, shape, like.dtype);
    }

    private static Tensor Owned(MultigridLevel level, double[] values)
    {
        var s = level.Shape;
        long[] shape = s.Nz == 1 ? [1, 1, s.Ny, s.Nx] : [1, 1, s.Nz, s.Ny, s.Nx];
        return tensor(values.Select(v => (float)v).ToArray(), shape).DetachFromDisposeScope();
    }

    public void Dispose()
    {
        foreach (var level in _levels)
        {
            level.Stencil.Dispose();
            level.InverseDiagonal.Dispose();
            level.InterpolationScale.Dispose();
        }
    }
}
