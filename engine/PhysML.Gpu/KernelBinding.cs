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
        Vk vk = context.Vk;
        var poolSize = new DescriptorPoolSize { Type = DescriptorType.StorageBuffer, DescriptorCount = (uint)buffers.Length };
        var poolInfo = new DescriptorPoolCreateInfo
        {
            SType = StructureType.DescriptorPoolCreateInfo,
            MaxSets = 1,
            PoolSizeCount = 1,
            PPoolSizes = &poolSize,
        };
        DescriptorPool pool;
        VulkanException.Check(vk.CreateDescriptorPool(context.Device, &poolInfo, null, &pool));
        _pool = pool;
        try
        {
            var allocate = new DescriptorSetAllocateInfo
            {
                SType = StructureType.DescriptorSetAllocateInfo,
                DescriptorPool = pool,
                DescriptorSetCount = 1,
                PSetLayouts = &layout,
            };
            DescriptorSet set;
            VulkanException.Check(vk.AllocateDescriptorSets(context.Device, &allocate, &set));
            Set = set;
            ComputeKernel.WriteDescriptors(context, set, buffers);
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
