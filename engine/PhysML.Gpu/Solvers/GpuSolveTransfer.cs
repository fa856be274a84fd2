using System.Diagnostics;
using PhysML.Solvers;

namespace PhysML.Gpu.Solvers;

/// <summary>
/// What every GPU Krylov solve sends and reads back: b and x up as floats with the scalars header (b·b in double
/// from the floats the GPU sees, so the tolerance refers to the system it solves), then the stop state, x and the
/// residual history down. Shared by <see cref="VulkanPoissonSolver"/> and
/// <see cref="VulkanDeepConjugateDirectionSolver"/>, whose scalars use the layout of shaders/solvers/scalars.glsl.
/// </summary>
internal static class GpuSolveTransfer
{
    /// <summary>Converts b into <paramref name="floats"/> and returns b·b; 0 means A·x = 0 and nothing was sent.</summary>
    public static double Upload(ReadOnlySpan<double> b, ReadOnlySpan<double> x, float[] floats, GpuBuffer bBuffer, GpuBuffer xBuffer,
        GpuBuffer scalars, SolverOptions options)
    {
        var n = b.Length;
        var bb = 0.0;
        for (var i = 0; i < n; i++)
        {
            floats[i] = (float)b[i];
            bb += (double)floats[i] * floats[i];
        }
        if (bb == 0) return 0;
        bBuffer.Upload<float>(floats.AsSpan(0, n));
        for (var i = 0; i < n; i++) floats[i] = (float)x[i];
        xBuffer.Upload<float>(floats.AsSpan(0, n));
        scalars.Upload<SolverScalars>([new SolverScalars
        {
            Bb = (float)bb,
            Tolerance2 = (float)(options.RelativeTolerance * options.RelativeTolerance * bb),
            MaxIterations = (uint)options.MaxIterations,
        }]);
        return bb;
    }

    /// <summary>The result of a solve of b = 0: x = 0, as on the CPU.</summary>
    public static SolveInfo ZeroRightHandSide(string name, Span<double> x, SolverOptions options, long start)
    {
        x.Clear();
        return new SolveInfo(name, 0, 0, options.RelativeTolerance, true, Array.Empty<double>(), Stopwatch.GetElapsedTime(start));
    }

    public static SolverScalars ReadHeader(GpuBuffer scalars)
    {
        Span<SolverScalars> header = stackalloc SolverScalars[1];
        scalars.Download(header);
        return header[0];
    }

    /// <summary>Reads x and the residual history back once the GPU has stopped.</summary>
    public static (SolveInfo Info, SolverScalars Header) Download(string name, GpuBuffer xBuffer, GpuBuffer scalars, float[] floats,
        Span<double> x, SolverOptions options, long start)
    {
        var header = ReadHeader(scalars);
        var n = x.Length;
        xBuffer.Download<float>(floats.AsSpan(0, n));
        for (var i = 0; i < n; i++) x[i] = floats[i];
        var history = new float[header.Iterations + 1];
        scalars.Download<float>(history, SolverScalars.HeaderFloats);
        var info = new SolveInfo(name, (int)header.Iterations, history[^1], options.RelativeTolerance,
            header.Done == (uint)StopReason.Converged, Array.ConvertAll(history, h => (double)h), Stopwatch.GetElapsedTime(start));
        return (info, header);
    }
}
