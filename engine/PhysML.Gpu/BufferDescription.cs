namespace PhysML.Gpu;

/// <summary>Describes a <see cref="GpuBuffer"/>. Checked once, by <see cref="VulkanContext.CreateBuffer"/>.</summary>
/// <param name="SizeInBytes">Size in bytes; a positive multiple of 4, the size of the float and uint the shaders use.</param>
/// <param name="Usage">How kernels use the buffer; at least one flag.</param>
/// <param name="HostVisible">
/// Mapped memory the CPU reads and writes directly (small buffers read often, such as solver scalars); false puts
/// the buffer in device-local memory, the fast memory of a discrete GPU, filled and read through staging copies.
/// </param>
public readonly record struct BufferDescription(ulong SizeInBytes, GpuBufferUsage Usage, bool HostVisible)
{
    /// <summary>A host-visible storage buffer of <paramref name="count"/> floats.</summary>
    public static BufferDescription StorageFloats(int count) =>
        new((ulong)count * sizeof(float), GpuBufferUsage.Storage, HostVisible: true);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first field that breaks a rule.</summary>
    /// <param name="maxStorageBufferRange">The device's limit on a storage binding's size.</param>
    internal void Validate(ulong maxStorageBufferRange)
    {
        if (SizeInBytes == 0 || SizeInBytes % 4 != 0)
        {
            throw Invalid(nameof(SizeInBytes), $"must be a positive multiple of 4 bytes (was {SizeInBytes})");
        }

        if (Usage == GpuBufferUsage.None
            || (Usage & ~(GpuBufferUsage.Storage | GpuBufferUsage.TransferSource | GpuBufferUsage.TransferDestination)) != 0)
        {
            throw Invalid(nameof(Usage), $"must be a combination of Storage, TransferSource and TransferDestination (was {Usage})");
        }

        if ((Usage & GpuBufferUsage.Storage) != 0 && SizeInBytes > maxStorageBufferRange)
        {
            throw Invalid(nameof(SizeInBytes),
                $"must be at most the device's maxStorageBufferRange of {maxStorageBufferRange} bytes for a Storage buffer (was {SizeInBytes})");
        }
    }

    private static ArgumentException Invalid(string field, string rule) =>
        new($"{nameof(BufferDescription)}.{field} {rule}.", field);
}
