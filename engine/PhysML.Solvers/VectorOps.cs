using System.Numerics;
using System.Runtime.InteropServices;

namespace PhysML.Solvers;

/// <summary>
/// The BLAS-1 kernels Krylov solvers need, vectorised with <see cref="Vector{T}"/>. Written by hand because the
/// served System.Numerics.Tensors has no fused x + βy; reductions use a fixed lane order, so results are deterministic.
/// </summary>
public static class VectorOps
{
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
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
