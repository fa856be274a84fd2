using Silk.NET.Vulkan;

namespace PhysML.Gpu;

/// <summary>
/// A compute pipeline with its storage-buffer bindings and push constants. Created by
/// <see cref="VulkanContext.CreateKernel"/>; one kernel per operator, named after its shader.
/// </summary>
/// <remarks>
/// Owns one descriptor set, rewritten by each <see cref="Dispatch{TPush}"/>. That is safe only because Dispatch waits
/// for the GPU before returning: a descriptor set may not be updated while a pending command buffer uses it.
/// </remarks>
public sealed unsafe class ComputeKernel : IDisposable
{
    private readonly VulkanContext _context;
    private ShaderModule _shader;
    private DescriptorSetLayout _setLayout;
    private PipelineLayout _pipelineLayout;
    private Pipeline _pipeline;
    private DescriptorPool _descriptorPool;
    private DescriptorSet _descriptorSet;

    internal ComputeKernel(VulkanContext context, ComputeKernelDescription description)
    {
        _context = context;
        Description = description;
        try
        {
            CreateShaderModule();
            CreateLayouts();
            CreatePipeline();
            CreateDescriptorSet();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public ComputeKernelDescription Description { get; }

    /// <summary>The shader's name, e.g. shaders/common/axpy.comp.spv.</summary>
    public string Name => Description.ShaderName;

    public bool IsDisposed { get; private set; }

    /// <summary>Workgroups needed to cover <paramref name="elementCount"/> invocations in groups of <paramref name="localSize"/>.</summary>
    public static uint GroupCount(uint elementCount, uint localSize) => (elementCount + localSize - 1) / localSize;

    /// <summary>
    /// Binds <paramref name="buffers"/> to bindings 0..N-1, pushes <paramref name="pushConstants"/>, runs
    /// <paramref name="groupCountX"/> workgroups and waits until the GPU is done, so results can be downloaded at once.
    /// </summary>
    public void Dispatch<TPush>(ReadOnlySpan<GpuBuffer> buffers, TPush pushConstants, uint groupCountX)
        where TPush : unmanaged
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        ValidateDispatch(buffers, sizeof(TPush), groupCountX);
        WriteDescriptors(buffers);

        Vk vk = _context.Vk;
        Pipeline pipeline = _pipeline;
        PipelineLayout layout = _pipelineLayout;
        DescriptorSet set = _descriptorSet;
        _context.SubmitAndWait(commands =>
        {
            // Earlier submissions' shader writes -> this dispatch's reads and writes. The fence wait already orders
            // them in time; the barrier also makes the memory visible, and keeps this correct once dispatches are
            // batched into one command buffer without a wait between them.
            var before = new MemoryBarrier
            {
                SType = StructureType.MemoryBarrier,
                SrcAccessMask = AccessFlags.ShaderWriteBit,
                DstAccessMask = AccessFlags.ShaderReadBit | AccessFlags.ShaderWriteBit,
            };
            vk.CmdPipelineBarrier(commands, PipelineStageFlags.ComputeShaderBit, PipelineStageFlags.ComputeShaderBit,
                0, 1, &before, 0, null, 0, null);

            vk.CmdBindPipeline(commands, PipelineBindPoint.Compute, pipeline);
            DescriptorSet boundSet = set;
            vk.CmdBindDescriptorSets(commands, PipelineBindPoint.Compute, layout, 0, 1, &boundSet, 0, null);
            if (sizeof(TPush) > 0)
            {
                TPush push = pushConstants;
                vk.CmdPushConstants(commands, layout, ShaderStageFlags.ComputeBit, 0, (uint)sizeof(TPush), &push);
            }

            vk.CmdDispatch(commands, groupCountX, 1, 1);

            // Shader writes -> host reads: without it the fence alone does not make the writes visible to Download.
            var after = new MemoryBarrier
            {
                SType = StructureType.MemoryBarrier,
                SrcAccessMask = AccessFlags.ShaderWriteBit,
                DstAccessMask = AccessFlags.HostReadBit,
            };
            vk.CmdPipelineBarrier(commands, PipelineStageFlags.ComputeShaderBit, PipelineStageFlags.HostBit,
                0, 1, &after, 0, null, 0, null);
        });
    }

    /// <summary>Destroys the handles in reverse order of creation.</summary>
    public void Dispose()
    {
        if (IsDisposed)
        {
            return;
        }

        IsDisposed = true;
        Vk vk = _context.Vk;
        Device device = _context.Device;
        if (_descriptorPool.Handle != 0)
        {
            // Frees _descriptorSet with it.
            vk.DestroyDescriptorPool(device, _descriptorPool, null);
        }

        if (_pipeline.Handle != 0)
        {
            vk.DestroyPipeline(device, _pipeline, null);
        }

        if (_pipelineLayout.Handle != 0)
        {
            vk.DestroyPipelineLayout(device, _pipelineLayout, null);
        }

        if (_setLayout.Handle != 0)
        {
            vk.DestroyDescriptorSetLayout(device, _setLayout, null);
        }

        if (_shader.Handle != 0)
        {
            vk.DestroyShaderModule(device, _shader, null);
        }

        _context.Release(this);
    }

    public override string ToString() => $"ComputeKernel '{Name}'";

    internal void ValidateDispatch(ReadOnlySpan<GpuBuffer> buffers, int pushSize, uint groupCountX)
    {
        if (buffers.Length != Description.StorageBufferCount)
        {
            throw new ArgumentException(
                $"{this} binds {Description.StorageBufferCount} storage buffers; {buffers.Length} were given.", nameof(buffers));
        }

        foreach (GpuBuffer buffer in buffers)
        {
            ObjectDisposedException.ThrowIf(buffer.IsDisposed, buffer);
            if (buffer.Context != _context)
            {
                throw new ArgumentException($"{buffer} belongs to another VulkanContext.", nameof(buffers));
            }

            if ((buffer.Description.Usage & GpuBufferUsage.Storage) == 0)
            {
                throw new ArgumentException($"{buffer} was not created with GpuBufferUsage.Storage.", nameof(buffers));
            }
        }

        if (pushSize != Description.PushConstantSize)
        {
            throw new ArgumentException(
                $"{this} expects {Description.PushConstantSize} bytes of push constants; the struct given has {pushSize}.", "pushConstants");
        }

        PhysicalDeviceLimits limits = _context.Limits;
        uint maxGroups = limits.MaxComputeWorkGroupCount[0];
        if (groupCountX == 0 || groupCountX > maxGroups)
        {
            throw new ArgumentOutOfRangeException(nameof(groupCountX), groupCountX,
                $"must be between 1 and the device's maxComputeWorkGroupCount[0] of {maxGroups}.");
        }
    }

    /// <summary>
    /// Binds <paramref name="buffers"/> to bindings 0..N-1 once, in a descriptor set of their own, for recording many
    /// dispatches into a <see cref="CommandSequence"/>.
    /// </summary>
    public KernelBinding Bind(params GpuBuffer[] buffers)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        ValidateDispatch(buffers, Description.PushConstantSize, 1);
        return _context.Own(new KernelBinding(_context, this, _setLayout, buffers));
    }

    internal Pipeline Pipeline => _pipeline;

    internal PipelineLayout Layout => _pipelineLayout;

    private void WriteDescriptors(ReadOnlySpan<GpuBuffer> buffers) => WriteDescriptors(_context, _descriptorSet, buffers);

    internal static void WriteDescriptors(VulkanContext context, DescriptorSet set, ReadOnlySpan<GpuBuffer> buffers)
    {
        int count = buffers.Length;
        var infos = stackalloc DescriptorBufferInfo[count];
        var writes = stackalloc WriteDescriptorSet[count];
        for (int i = 0; i < count; i++)
        {
            infos[i] = new DescriptorBufferInfo { Buffer = buffers[i].Handle, Offset = 0, Range = Vk.WholeSize };
            writes[i] = new WriteDescriptorSet
            {
                SType = StructureType.WriteDescriptorSet,
                DstSet = set,
                DstBinding = (uint)i,
                DescriptorCount = 1,
                DescriptorType = DescriptorType.StorageBuffer,
                PBufferInfo = &infos[i],
            };
        }

        context.Vk.UpdateDescriptorSets(context.Device, (uint)count, writes, 0, null);
    }

    private void CreateShaderModule()
    {
        uint[] code = ShaderLibrary.Load(Description.ShaderName, Description.ShaderAssembly);
        fixed (uint* words = code)
        {
            var info = new ShaderModuleCreateInfo
            {
                SType = StructureType.ShaderModuleCreateInfo,
                CodeSize = (nuint)(code.Length * sizeof(uint)),
                PCode = words,
            };
            ShaderModule shader;
            VulkanException.Check(_context.Vk.CreateShaderModule(_context.Device, &info, null, &shader));
            _shader = shader;
        }
    }

    private void CreateLayouts()
    {
        Vk vk = _context.Vk;
        Device device = _context.Device;
        int count = Description.StorageBufferCount;
        var bindings = stackalloc DescriptorSetLayoutBinding[count];
        for (int i = 0; i < count; i++)
        {
            bindings[i] = new DescriptorSetLayoutBinding
            {
                Binding = (uint)i,
                DescriptorType = DescriptorType.StorageBuffer,
                DescriptorCount = 1,
                StageFlags = ShaderStageFlags.ComputeBit,
            };
        }

        var setInfo = new DescriptorSetLayoutCreateInfo
        {
            SType = StructureType.DescriptorSetLayoutCreateInfo,
            BindingCount = (uint)count,
            PBindings = bindings,
        };
        DescriptorSetLayout setLayout;
        VulkanException.Check(vk.CreateDescriptorSetLayout(device, &setInfo, null, &setLayout));
        _setLayout = setLayout;

        var pushRange = new PushConstantRange
        {
            StageFlags = ShaderStageFlags.ComputeBit,
            Offset = 0,
            Size = (uint)Description.PushConstantSize,
        };
        var layoutInfo = new PipelineLayoutCreateInfo
        {
            SType = StructureType.PipelineLayoutCreateInfo,
            SetLayoutCount = 1,
            PSetLayouts = &setLayout,
            // A zero-sized range is invalid, so a kernel without push constants declares none.
            PushConstantRangeCount = Description.PushConstantSize > 0 ? 1u : 0u,
            PPushConstantRanges = Description.PushConstantSize > 0 ? &pushRange : null,
        };
        PipelineLayout pipelineLayout;
        VulkanException.Check(vk.CreatePipelineLayout(device, &layoutInfo, null, &pipelineLayout));
        _pipelineLayout = pipelineLayout;
    }

    private void CreatePipeline()
    {
        byte* entryPoint = stackalloc byte[] { (byte)'m', (byte)'a', (byte)'i', (byte)'n', 0 };
        var info = new ComputePipelineCreateInfo
        {
            SType = StructureType.ComputePipelineCreateInfo,
            Stage = new PipelineShaderStageCreateInfo
            {
                SType = StructureType.PipelineShaderStageCreateInfo,
                Stage = ShaderStageFlags.ComputeBit,
                Module = _shader,
                PName = entryPoint,
            },
            Layout = _pipelineLayout,
        };
        Pipeline pipeline;
        VulkanException.Check(_context.Vk.CreateComputePipelines(_context.Device, default, 1, &info, null, &pipeline));
        _pipeline = pipeline;
    }

    private void CreateDescriptorSet() =>
        _descriptorSet = AllocateDescriptorSet(_context, _setLayout, Description.StorageBufferCount, out _descriptorPool);

    /// <summary>A pool holding one set of <paramref name="bufferCount"/> storage buffers, and that set. The pool is
    /// returned as soon as it exists, so a caller can free it even when the allocation then fails.</summary>
    internal static DescriptorSet AllocateDescriptorSet(VulkanContext context, DescriptorSetLayout layout, int bufferCount, out DescriptorPool pool)
    {
        Vk vk = context.Vk;
        var poolSize = new DescriptorPoolSize { Type = DescriptorType.StorageBuffer, DescriptorCount = (uint)bufferCount };
        var poolInfo = new DescriptorPoolCreateInfo
        {
            SType = StructureType.DescriptorPoolCreateInfo,
            MaxSets = 1,
            PoolSizeCount = 1,
            PPoolSizes = &poolSize,
        };
        DescriptorPool created;
        VulkanException.Check(vk.CreateDescriptorPool(context.Device, &poolInfo, null, &created));
        pool = created;
        var allocateInfo = new DescriptorSetAllocateInfo
        {
            SType = StructureType.DescriptorSetAllocateInfo,
            DescriptorPool = created,
            DescriptorSetCount = 1,
            PSetLayouts = &layout,
        };
        DescriptorSet set;
        VulkanException.Check(vk.AllocateDescriptorSets(context.Device, &allocateInfo, &set));
        return set;
    }
}
