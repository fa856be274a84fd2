using System.Numerics;
using System.Runtime.InteropServices;

namespace PhysML.Solvers;

/// <summary>
/// The BLAS-1 kernels Krylov solvers need, vectorised with <see cref="Vector{T}"/>. Written by hand because the
/// served System.Numerics.Tensors has no fused x + βy.
/// <para>
/// Reductions are summed per fixed chunk of <see cref="ChunkLength"/> elements and the chunk sums added in order, both
/// sequentially and in the parallel overloads, so a dot product is bitwise the same whatever the thread count.
/// </para>
/// </summary>
public static class VectorOps
{
    /// <summary>Elements per chunk of reductions and of parallel work (fixed, so results never depend on threads).</summary>
    public const int ChunkLength = 16384;

    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var sum = 0.0;
        for (var start = 0; start < x.Length; start += ChunkLength)
        {
            var n = Math.Min(ChunkLength, x.Length - start);
            sum += DotChunk(x.Slice(start, n), y.Slice(start, n));
        }
        return sum;
    }

    /// <summary>As <see cref="Dot(ReadOnlySpan{double}, ReadOnlySpan{double})"/>, chunks in parallel; same result.</summary>
    public static double Dot(double[] x, double[] y, int length, ParallelOptions? parallel)
    {
        var chunks = (length + ChunkLength - 1) / ChunkLength;
        if (parallel is null || chunks < 2) return Dot(x.AsSpan(0, length), y.AsSpan(0, length));
        var partial = new double[chunks];
        Parallel.For(0, chunks, parallel, c =>
        {
            var start = c * ChunkLength;
            var n = Math.Min(ChunkLength, length - start);
            partial[c] = DotChunk(x.AsSpan(start, n), y.AsSpan(start, n));
        });
        var sum = 0.0;
        foreach (var p in partial) sum += p;
        return sum;
    }

    /// <summary>y += a·x over the first <paramref name="length"/> elements, chunks in parallel.</summary>
    public static void Axpy(double a, double[] x, double[] y, int length, ParallelOptions? parallel) =>
        ForChunks(length, parallel, (start, n) => Axpy(a, x.AsSpan(start, n), y.AsSpan(start, n)));

    /// <summary>y = x + b·y over the first <paramref name="length"/> elements, chunks in parallel.</summary>
    public static void Xpby(double[] x, double b, double[] y, int length, ParallelOptions? parallel) =>
        ForChunks(length, parallel, (start, n) => Xpby(x.AsSpan(start, n), b, y.AsSpan(start, n)));

    private static void ForChunks(int length, ParallelOptions? parallel, Action<int, int> body)
    {
        var chunks = (length + ChunkLength - 1) / ChunkLength;
        if (parallel is null || chunks < 2)
        {
            body(0, length);
            return;
        }
        Parallel.For(0, chunks, parallel, c => body(c * ChunkLength, Math.Min(ChunkLength, length - c * ChunkLength)));
    }

    private static double DotChunk(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var vy = MemoryMarshal.Cast<double, Vector<double>>(y[..x.Length]);
        var acc = Vector<double>.Zero;
        for (var i = 0; i < vx.Length; i++) acc += vx[i] * vy[i];
        var sum = Vector.Sum(acc);
        for (var i = vx.Length * Vector<double>.Count; i < x.Length; i++) sum += x[i] * y[i];
        return sum;
    }

    public static double Norm(ReadOnlySpan<double> x) => Math.Sqrt(Dot(x, x));

    /// <summary>‖value − reference‖₂ / ‖scale‖₂, the relative L2 error every analytic check reports (the scale is the
    /// reference itself unless given, e.g. a mode's amplitude when the reference passes through zero).</summary>
    public static double RelativeError(ReadOnlySpan<double> value, ReadOnlySpan<double> reference, ReadOnlySpan<double> scale = default)
    {
        double difference = 0;
        for (var k = 0; k < value.Length; k++) difference += (value[k] - reference[k]) * (value[k] - reference[k]);
        return Math.Sqrt(difference) / Norm(scale.IsEmpty ? reference : scale);
    }

    /// <summary>y += a·x.</summary>
    public static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var vy = MemoryMarshal.Cast<double, Vector<double>>(y[..x.Length]);
        var va = new Vector<double>(a);
        for (var i = 0; i < vx.Length; i++) vy[i] += va * vx[i];
        for (var i = vx.Length * Vector<double>.Count; i < x.Length; i++) y[i] += a * x[i];
    }

    /// <summary>y = x + b·y (the CG search-direction update).</summary>
    public static void Xpby(ReadOnlySpan<double> x, double b, Span<double> y)
    {
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var vy = MemoryMarshal.Cast<double, Vector<double>>(y[..x.Length]);
        var vb = new Vector<double>(b);
        for (var i = 0; i < vx.Length; i++) vy[i] = vx[i] + vb * vy[i];
        for (var i = vx.Length * Vector<double>.Count; i < x.Length; i++) y[i] = x[i] + b * y[i];
    }
}
