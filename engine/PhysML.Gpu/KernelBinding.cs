using Silk.NET.Vulkan;

namespace PhysML.Gpu;

/// <summary>
/// A <see cref="ComputeKernel"/> with its storage buffers bound once, in a descriptor set of its own, so many
/// dispatches of it can sit in one recorded <see cref="CommandSequence"/> (the kernel's own set is rewritten by every
/// <see cref="ComputeKernel.Dispatch{TPush}"/> and so cannot). Created by <see cref="ComputeKernel.Bind"/>; the
/// buffers must outlive it.
/// </summary>
public sealed unsafe class KernelBinding : IDisposable
{
    private readonly VulkanContext _context;
    private DescriptorPool _pool;

    internal KernelBinding(VulkanContext context, ComputeKernel kernel, DescriptorSetLayout layout, GpuBuffer[] buffers)
    {
        _context = context;
        Kernel = kernel;
        BufferArray = buffers;
        try
        {
            Set = ComputeKernel.AllocateDescriptorSet(context, layout, buffers.Length, out _pool);
            ComputeKernel.WriteDescriptors(context, Set, buffers);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public ComputeKernel Kernel { get; }

    public IReadOnlyList<GpuBuffer> Buffers => BufferArray;

    internal GpuBuffer[] BufferArray { get; }

    public bool IsDisposed { get; private set; }

    internal DescriptorSet Set { get; }

    public void Dispose()
    {
        if (IsDisposed) return;
        IsDisposed = true;
        // Frees the set with it. Safe at once: sequences wait for the GPU before Submit returns.
        if (_pool.Handle != 0) _context.Vk.DestroyDescriptorPool(_context.Device, _pool, null);
        _context.Release(this);
    }

    public override string ToString() => $"{Kernel} bound to [{string.Join(", ", Buffers.Select(b => b.Name))}]";
}
