using System.Diagnostics;
using PhysML.Core.Errors;
using PhysML.Gpu;
using PhysML.Gpu.Solvers;
using PhysML.Solvers;
using PhysML.Solvers.Multigrid;
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
    private static readonly string[] BackendNames = [CpuPoissonSolver.BackendName, VulkanPoissonSolver.BackendName];

    /// <summary>Iterations per GPU batch: the solver's default, so the figures are what a simulation gets.</summary>
    private const int VulkanBatch = 8;

    /// <summary>A backend's copy bandwidth (GB/s, 1 GB = 10⁹ B, bytes read + bytes written) and how it was measured.</summary>
    public sealed record CopyBandwidth(string Backend, double Gbps, string Method);

    /// <summary>
    /// The solver of <paramref name="kind"/> on <paramref name="backend"/>, or null when that backend cannot run it here
    /// (after writing why to <paramref name="output"/>); the row is then left out. Throws for an unknown backend.
    /// </summary>
    internal static IPoissonSolver? CreateSolver(string backend, PressurePreconditioner kind, SolverOptions options,
        ParallelOptions parallel, GpuDevice gpu, TextWriter output)
    {
        switch (backend)
        {
            case CpuPoissonSolver.BackendName:
                return new CpuPoissonSolver(kind, options, parallel);
            case VulkanPoissonSolver.BackendName:
                if (gpu.Context is not { } context) return null; // said once, with the copy bandwidth
                if (kind == PressurePreconditioner.Mic0)
                {
                    output.WriteLine("pcg-mic: no Vulkan kernel (its triangular solves are sequential); skipped on vulkan");
                    return null;
                }
                return new VulkanPoissonSolver(context, kind, options, checkEvery: VulkanBatch);
            default:
                throw UnknownBackend(backend);
        }
    }

    /// <summary>The memory traffic model of <paramref name="kind"/> on <paramref name="backend"/>.</summary>
    internal static SolverTraffic Traffic(string backend, PressurePreconditioner kind, int cells, IReadOnlyList<StencilShape> levels) =>
        backend == VulkanPoissonSolver.BackendName && kind != PressurePreconditioner.Mic0
            ? VulkanSolverTraffic.For(kind, cells, levels, new MultigridOptions(), VulkanBatch)
            : SolverTraffic.For(kind, cells, levels, new MultigridOptions());

    /// <summary>The bandwidth of a plain copy on <paramref name="backend"/>, the ceiling a memory-bound solver is
    /// measured against; null when the backend is not available here (after writing why to <paramref name="output"/>).</summary>
    internal static CopyBandwidth? MeasureCopyBandwidth(string backend, ParallelOptions parallel, GpuDevice gpu, TextWriter output)
    {
        switch (backend)
        {
            case CpuPoissonSolver.BackendName:
                return MeasureCpuCopy(parallel);
            case VulkanPoissonSolver.BackendName:
                if (gpu.Context is { } context) return MeasureVulkanCopy(context);
                output.WriteLine($"vulkan: skipped, no Vulkan device ({gpu.Failure})");
                return null;
            default:
                throw UnknownBackend(backend);
        }
    }

    /// <summary>
    /// Buffer-copy bandwidth on the GPU: vkCmdCopyBuffer between two device-local 256 MiB buffers, 8 copies in one
    /// recorded sequence, best of 3 submissions after one untimed, counting read + write bytes.
    /// </summary>
    private static CopyBandwidth MeasureVulkanCopy(VulkanContext context)
    {
        const int bytes = 256 << 20;
        const int copies = 8;
        var description = new BufferDescription(bytes, GpuBufferUsage.TransferSource | GpuBufferUsage.TransferDestination, HostVisible: false);
        using var source = context.CreateBuffer(description, "bench.copy.source");
        using var target = context.CreateBuffer(description, "bench.copy.target");
        // Written once first: untouched memory can be backed by shared zero pages that read unrealistically fast.
        using (var fill = context.CreateSequence("bench.copy.fill"))
        {
            fill.Record(recorder =>
            {
                recorder.Fill(source, 0x3F800000); // 1.0f
                recorder.Fill(target);
            });
            fill.SubmitAndWait();
        }
        using var sequence = context.CreateSequence("bench.copy");
        sequence.Record(recorder =>
        {
            for (var i = 0; i < copies; i++) recorder.Copy(source, target, bytes);
        });
        sequence.SubmitAndWait();
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var start = Stopwatch.GetTimestamp();
            sequence.SubmitAndWait();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        return new CopyBandwidth(VulkanPoissonSolver.BackendName, 2.0 * bytes * copies / best / 1e9,
            $"vkCmdCopyBuffer of 256 MiB ×{copies} on {context.DeviceName}, best of 3");
    }

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
