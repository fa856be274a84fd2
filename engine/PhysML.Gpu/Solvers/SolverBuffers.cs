namespace PhysML.Gpu.Solvers;

internal static class SolverBuffers
{
    /// <summary>A float vector the solver dispatches on, fills and copies.</summary>
    public static BufferDescription Vector(int count) => new((ulong)count * sizeof(float),
        GpuBufferUsage.Storage | GpuBufferUsage.TransferSource | GpuBufferUsage.TransferDestination, HostVisible: true);
}
