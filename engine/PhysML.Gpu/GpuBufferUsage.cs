namespace PhysML.Gpu;

/// <summary>What a <see cref="GpuBuffer"/> may be used for. Our names, so callers need no Vulkan flags.</summary>
[Flags]
public enum GpuBufferUsage
{
    None = 0,

    /// <summary>Bound to a kernel as a storage buffer (read and write from shaders).</summary>
    Storage = 1,

    /// <summary>Source of a GPU copy.</summary>
    TransferSource = 2,

    /// <summary>Destination of a GPU copy.</summary>
    TransferDestination = 4,
}
