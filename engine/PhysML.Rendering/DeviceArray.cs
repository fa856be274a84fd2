using PhysML.Gpu;

namespace PhysML.Rendering;

/// <summary>A device-local storage buffer that grows to the largest upload so far and is reused from frame to frame.</summary>
internal sealed class DeviceArray(VulkanContext context, string name) : IDisposable
{
    private GpuBuffer? _buffer;

    public GpuBuffer Buffer => _buffer ?? throw new InvalidOperationException($"{name} was used before anything was uploaded");

    /// <summary>A buffer of at least <paramref name="bytes"/> (contents undefined after it grows).</summary>
    public GpuBuffer Ensure(long bytes)
    {
        var size = (ulong)Math.Max(16, (bytes + 3) / 4 * 4);
        if (_buffer is { } current && current.SizeInBytes >= size) return current;
        _buffer?.Dispose();
        _buffer = context.CreateBuffer(new BufferDescription(size, GpuBufferUsage.Storage, HostVisible: false), name);
        return _buffer;
    }

    public GpuBuffer Upload<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        var buffer = Ensure((long)values.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        buffer.Upload(values);
        return buffer;
    }

    public void Dispose() => _buffer?.Dispose();
}
