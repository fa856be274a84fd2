using System.Runtime.InteropServices;
using Silk.NET.Vulkan;
using VkBuffer = Silk.NET.Vulkan.Buffer;

namespace PhysML.Gpu;

/// <summary>
/// A Vulkan buffer and its memory, owned by one object. Created by <see cref="VulkanContext.CreateBuffer"/>.
/// </summary>
/// <remarks>
/// Host-visible buffers are host-coherent and stay mapped for the buffer's life: Upload and Download are plain memory
/// copies with no flush or invalidate. Device-local buffers (the fast memory of a discrete GPU) go through the
/// context's staging buffer and a GPU copy. Both are safe because every submission is waited for before it returns
/// (<see cref="VulkanContext"/>), so the GPU never reads or writes while the CPU copies, and for the same reason
/// Dispose may free the memory at once instead of deferring it.
/// </remarks>
public sealed unsafe class GpuBuffer : IDisposable
{
    private readonly VulkanContext _context;
    private VkBuffer _buffer;
    private DeviceMemory _memory;
    private byte* _mapped;

    internal GpuBuffer(VulkanContext context, BufferDescription description, string name)
    {
        _context = context;
        Description = description;
        Name = name;
        try
        {
            Create();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public BufferDescription Description { get; }

    public string Name { get; }

    public ulong SizeInBytes => Description.SizeInBytes;

    public bool IsDisposed { get; private set; }

    internal VulkanContext Context => _context;

    internal VkBuffer Handle => _buffer;

    /// <summary>Copies <paramref name="source"/> into the buffer, starting <paramref name="elementOffset"/> elements in.</summary>
    public void Upload<T>(ReadOnlySpan<T> source, int elementOffset = 0)
        where T : unmanaged
    {
        (ulong start, ulong length) = Range<T>(elementOffset, source.Length, nameof(source));
        if (_mapped != null)
        {
            MemoryMarshal.AsBytes(source).CopyTo(new Span<byte>(_mapped + start, (int)length));
            return;
        }

        _context.UploadThroughStaging(this, MemoryMarshal.AsBytes(source), start);
    }

    /// <summary>Copies the buffer, from <paramref name="elementOffset"/> elements in, into <paramref name="destination"/>.</summary>
    public void Download<T>(Span<T> destination, int elementOffset = 0)
        where T : unmanaged
    {
        (ulong start, ulong length) = Range<T>(elementOffset, destination.Length, nameof(destination));
        if (_mapped != null)
        {
            new ReadOnlySpan<byte>(_mapped + start, (int)length).CopyTo(MemoryMarshal.AsBytes(destination));
            return;
        }

        _context.DownloadThroughStaging(this, MemoryMarshal.AsBytes(destination), start);
    }

    public void Dispose()
    {
        if (IsDisposed)
        {
            return;
        }

        IsDisposed = true;
        Vk vk = _context.Vk;
        Device device = _context.Device;
        // Reverse order of Create: unmap, destroy the buffer, then free the memory it was bound to.
        if (_mapped != null)
        {
            vk.UnmapMemory(device, _memory);
            _mapped = null;
        }

        if (_buffer.Handle != 0)
        {
            vk.DestroyBuffer(device, _buffer, null);
        }

        if (_memory.Handle != 0)
        {
            vk.FreeMemory(device, _memory, null);
        }

        _context.Release(this);
    }

    public override string ToString() => $"GpuBuffer '{Name}' ({SizeInBytes} bytes)";

    private (ulong Start, ulong Length) Range<T>(int elementOffset, int elementCount, string paramName)
        where T : unmanaged
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        ulong start = (ulong)elementOffset * (ulong)sizeof(T);
        ulong length = (ulong)elementCount * (ulong)sizeof(T);
        if (elementOffset < 0 || start + length > SizeInBytes)
        {
            throw new ArgumentOutOfRangeException(paramName,
                $"{elementCount} elements of {sizeof(T)} bytes at element {elementOffset} do not fit in {this}.");
        }

        return (start, length);
    }

    private void Create()
    {
        Vk vk = _context.Vk;
        Device device = _context.Device;
        var info = new BufferCreateInfo
        {
            SType = StructureType.BufferCreateInfo,
            Size = Description.SizeInBytes,
            // Device-local buffers are filled and read through staging copies, so they are always copy ends.
            Usage = ToVulkan(Description.HostVisible
                ? Description.Usage
                : Description.Usage | GpuBufferUsage.TransferSource | GpuBufferUsage.TransferDestination),
            // One queue family uses it, so no ownership transfers are needed.
            SharingMode = SharingMode.Exclusive,
        };
        VkBuffer buffer;
        VulkanException.Check(vk.CreateBuffer(device, &info, null, &buffer));
        _buffer = buffer;

        MemoryRequirements requirements;
        vk.GetBufferMemoryRequirements(device, _buffer, &requirements);
        var allocateInfo = new MemoryAllocateInfo
        {
            SType = StructureType.MemoryAllocateInfo,
            AllocationSize = requirements.Size,
            // Coherent: CPU writes are visible to the GPU at submit and GPU writes to the CPU after the fence and
            // the host barrier, without vkFlushMappedMemoryRanges / vkInvalidateMappedMemoryRanges.
            MemoryTypeIndex = _context.FindMemoryType(
                requirements.MemoryTypeBits,
                Description.HostVisible
                    ? MemoryPropertyFlags.HostVisibleBit | MemoryPropertyFlags.HostCoherentBit
                    : MemoryPropertyFlags.DeviceLocalBit),
        };
        DeviceMemory memory;
        VulkanException.Check(vk.AllocateMemory(device, &allocateInfo, null, &memory));
        _memory = memory;
        VulkanException.Check(vk.BindBufferMemory(device, _buffer, _memory, 0));
        if (!Description.HostVisible)
        {
            return;
        }

        void* mapped;
        VulkanException.Check(vk.MapMemory(device, _memory, 0, Description.SizeInBytes, 0, &mapped));
        _mapped = (byte*)mapped;
    }

    private static BufferUsageFlags ToVulkan(GpuBufferUsage usage)
    {
        BufferUsageFlags flags = 0;
        if ((usage & GpuBufferUsage.Storage) != 0)
        {
            flags |= BufferUsageFlags.StorageBufferBit;
        }

        if ((usage & GpuBufferUsage.TransferSource) != 0)
        {
            flags |= BufferUsageFlags.TransferSrcBit;
        }

        if ((usage & GpuBufferUsage.TransferDestination) != 0)
        {
            flags |= BufferUsageFlags.TransferDstBit;
        }

        return flags;
    }
}
