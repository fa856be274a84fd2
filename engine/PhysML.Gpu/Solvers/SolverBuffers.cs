namespace PhysML.Gpu.Solvers;

internal static class SolverBuffers
{
    /// <summary>A float vector the solver dispatches on, fills and copies, in device-local memory (the GPU's own).</summary>
    public static BufferDescription Vector(int count) => new((ulong)count * sizeof(float),
        GpuBufferUsage.Storage | GpuBufferUsage.TransferSource | GpuBufferUsage.TransferDestination, HostVisible: true);

    /// <summary>The scalars the host reads after every batch: host-visible, so reading them is a memory copy.</summary>
    public static BufferDescription Scalars(int floats) => new((ulong)floats * sizeof(float),
        GpuBufferUsage.Storage | GpuBufferUsage.TransferSource | GpuBufferUsage.TransferDestination, HostVisible: true);
}
