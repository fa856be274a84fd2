using PhysML.Solvers;
using static TorchSharp.torch;

namespace PhysML.ML.Preconditioners.Training;

/// <summary>
/// Approximate eigenvectors of a Poisson system from <c>m</c> steps of Lanczos with full reorthogonalisation (the
/// tridiagonal T's eigenvectors mapped back through the Lanczos basis), ordered by ascending Ritz value. Kaneda et
/// al. build training right-hand sides from them, so that the network sees the whole spectrum and especially its low
/// end, which is what CG converges on last. The start vector lives on the unknowns with each floating region's mean
/// removed, so the null space never enters.
/// </summary>
public static class RitzVectors
{
    public sealed record Result(double[] Values, double[][] Vectors);

    public static Result Compute(IPoissonStencil a, int count, int seed)
    {
        var n = a.Size;
        var random = new Random(seed);
        var basis = new List<double[]>(count);
        var v = new double[n];
        for (var c = 0; c < n; c++) v[c] = a.IsUnknown(c) ? random.NextDouble() - 0.5 : 0;
        RemoveFloatingMeans(a, v);
        Scale(v, 1 / VectorOps.Norm(v));
        var alpha = new List<double>();
        var beta = new List<double>();
        var w = new double[n];
        for (var k = 0; k < count; k++)
        {
            basis.Add(v);
            a.Apply(v, w);
            alpha.Add(VectorOps.Dot(w, v));
            // Full reorthogonalisation (twice is enough, Parlett): without it Ritz vectors repeat in floating point.
            for (var pass = 0; pass < 2; pass++)
                foreach (var u in basis) VectorOps.Axpy(-VectorOps.Dot(w, u), u, w);
            var norm = VectorOps.Norm(w);
            if (k == count - 1 || norm < 1e-12) break;
            beta.Add(norm);
            v = new double[n];
            for (var c = 0; c < n; c++) v[c] = w[c] / norm;
        }

        var m = basis.Count;
        var t = new double[m * m];
        for (var i = 0; i < m; i++)
        {
            t[i * m + i] = alpha[i];
            if (i + 1 < m)
            {
                t[i * m + i + 1] = beta[i];
                t[(i + 1) * m + i] = beta[i];
            }
        }
        using var scope = NewDisposeScope();
        var (values, vectors) = linalg.eigh(tensor(t, [m, m]));
        var y = vectors.contiguous().data<double>().ToArray(); // column j is the eigenvector of values[j] (ascending)
        var ritz = new double[m][];
        for (var j = 0; j < m; j++)
        {
            ritz[j] = new double[n];
            for (var i = 0; i < m; i++) VectorOps.Axpy(y[i * m + j], basis[i], ritz[j]);
        }
        return new Result(values.data<double>().ToArray(), ritz);
    }

    private static void RemoveFloatingMeans(IPoissonStencil a, double[] v)
    {
        var sums = new double[a.RegionCount];
        var counts = new int[a.RegionCount];
        for (var c = 0; c < v.Length; c++)
            if (a.RegionOf(c) is var r and >= 0) { sums[r] += v[c]; counts[r]++; }
        for (var c = 0; c < v.Length; c++)
            if (a.RegionOf(c) is var r and >= 0 && a.IsFloating(r)) v[c] -= sums[r] / counts[r];
    }

    private static void Scale(double[] v, double s)
    {
        for (var c = 0; c < v.Length; c++) v[c] *= s;
    }
}
