using System.Diagnostics;
using PhysML.Core.Errors;
using PhysML.Solvers;
using PhysML.Solvers.Pressure;

namespace PhysML.Cli;

/// <summary>
/// Where <c>physml bench solvers</c> meets the backends: which solver runs where, and the copy bandwidth each
/// backend's GB/s is compared with. A new backend adds its name to <see cref="BackendNames"/>, a case to
/// <see cref="CreateSolver"/> and one to <see cref="MeasureCopyBandwidth"/>; nothing else changes.
/// </summary>
public static partial class BenchSolversVerb
{
    /// <summary>The values <c>--backends</c> accepts.</summary>
    private static readonly string[] BackendNames = [CpuPoissonSolver.BackendName];

    /// <summary>A backend's copy bandwidth (GB/s, 1 GB = 10⁹ B, bytes read + bytes written) and how it was measured.</summary>
    public sealed record CopyBandwidth(string Backend, double Gbps, string Method);

    /// <summary>
    /// The solver of <paramref name="kind"/> on <paramref name="backend"/>, or null when that backend cannot run it here
    /// (after writing why to <paramref name="output"/>); the row is then left out. Throws for an unknown backend.
    /// </summary>
    internal static IPoissonSolver? CreateSolver(string backend, PressurePreconditioner kind, SolverOptions options,
        ParallelOptions parallel, TextWriter output) => backend switch
    {
        CpuPoissonSolver.BackendName => new CpuPoissonSolver(kind, options, parallel),
        _ => throw UnknownBackend(backend),
    };

    /// <summary>The bandwidth of a plain copy on <paramref name="backend"/>, the ceiling a memory-bound solver is
    /// measured against; null when the backend is not available here (after writing why to <paramref name="output"/>).</summary>
    internal static CopyBandwidth? MeasureCopyBandwidth(string backend, ParallelOptions parallel, TextWriter output) => backend switch
    {
        CpuPoissonSolver.BackendName => MeasureCpuCopy(parallel),
        _ => throw UnknownBackend(backend),
    };

    private static PhysMLException UnknownBackend(string backend) =>
        new(ErrorCodes.InvalidArgument, ErrorCategory.BadInput,
            $"--backends: unknown backend '{backend}'; allowed: {string.Join(", ", BackendNames)}");

    /// <summary>
    /// memcpy bandwidth: a 256 MiB buffer (far larger than any cache) copied with <see cref="Span{T}.CopyTo"/>, split
    /// into one contiguous slice per thread so the copy uses as many cores as the solvers do; the best of five copies
    /// after one untimed, counting 2 × 256 MiB per copy (read + write), the convention of <see cref="SolverTraffic"/>.
    /// </summary>
    private static CopyBandwidth MeasureCpuCopy(ParallelOptions parallel)
    {
        const int bytes = 256 << 20;
        const int timedCopies = 5;
        var source = GC.AllocateUninitializedArray<byte>(bytes);
        var target = GC.AllocateUninitializedArray<byte>(bytes);
        // Touch every page of both buffers first, so page faults are not timed.
        Array.Fill(source, (byte)1);
        Array.Fill(target, (byte)0);
        var threads = Math.Max(1, parallel.MaxDegreeOfParallelism);
        var slice = (bytes / threads + 4095) & ~4095;
        void Copy() => Parallel.For(0, threads, parallel, t =>
        {
            var start = Math.Min(bytes, t * slice);
            var length = Math.Min(bytes - start, slice);
            source.AsSpan(start, length).CopyTo(target.AsSpan(start, length));
        });
        Copy();
        var best = double.MaxValue;
        for (var i = 0; i < timedCopies; i++)
        {
            var start = Stopwatch.GetTimestamp();
            Copy();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        return new CopyBandwidth(CpuPoissonSolver.BackendName, 2.0 * bytes / best / 1e9,
            $"Span.CopyTo of 256 MiB on {threads} thread{(threads == 1 ? "" : "s")}, best of {timedCopies}");
    }
}
