using Silk.NET.Vulkan;

namespace PhysML.Gpu;

/// <summary>
/// A command buffer recorded once and submitted many times: a solver records its setup and a batch of iterations as
/// sequences and replays them, reading results back only between submissions. Created by
/// <see cref="VulkanContext.CreateSequence"/>. Everything it records must outlive it.
/// </summary>
public sealed unsafe class CommandSequence : IDisposable
{
    private readonly VulkanContext _context;
    private CommandPool _pool;
    private CommandBuffer _commands;
    private Fence _fence;
    private bool _recorded;

    internal CommandSequence(VulkanContext context, string name)
    {
        _context = context;
        Name = name;
        try
        {
            Vk vk = context.Vk;
            var poolInfo = new CommandPoolCreateInfo
            {
                SType = StructureType.CommandPoolCreateInfo,
                Flags = CommandPoolCreateFlags.ResetCommandBufferBit,
                QueueFamilyIndex = context.ComputeQueueFamily,
            };
            CommandPool pool;
            VulkanException.Check(vk.CreateCommandPool(context.Device, &poolInfo, null, &pool));
            _pool = pool;
            var allocate = new CommandBufferAllocateInfo
            {
                SType = StructureType.CommandBufferAllocateInfo,
                CommandPool = pool,
                Level = CommandBufferLevel.Primary,
                CommandBufferCount = 1,
            };
            CommandBuffer commands;
            VulkanException.Check(vk.AllocateCommandBuffers(context.Device, &allocate, &commands));
            _commands = commands;
            var fenceInfo = new FenceCreateInfo { SType = StructureType.FenceCreateInfo };
            Fence fence;
            VulkanException.Check(vk.CreateFence(context.Device, &fenceInfo, null, &fence));
            _fence = fence;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string Name { get; }

    public bool IsDisposed { get; private set; }

    /// <summary>Replaces the recorded commands with what <paramref name="record"/> records. Every step is followed by a
    /// barrier, and the sequence ends with one that makes its writes visible to the host.</summary>
    public void Record(Action<ComputeRecorder> record)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        Vk vk = _context.Vk;
        VulkanException.Check(vk.ResetCommandBuffer(_commands, 0));
        // Not one-time: the point of a sequence is to be submitted again.
        var begin = new CommandBufferBeginInfo { SType = StructureType.CommandBufferBeginInfo };
        VulkanException.Check(vk.BeginCommandBuffer(_commands, &begin));
        var recorder = new ComputeRecorder(_context, _commands);
        recorder.BarrierFromHost();
        record(recorder);
        recorder.BarrierToHost();
        VulkanException.Check(vk.EndCommandBuffer(_commands));
        _recorded = true;
    }

    /// <summary>Runs the recorded commands and waits until the GPU has finished them.</summary>
    public void SubmitAndWait()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (!_recorded) throw new InvalidOperationException($"{this} was submitted before anything was recorded.");
        Vk vk = _context.Vk;
        CommandBuffer commands = _commands;
        var submit = new SubmitInfo { SType = StructureType.SubmitInfo, CommandBufferCount = 1, PCommandBuffers = &commands };
        Fence fence = _fence;
        VulkanException.Check(vk.ResetFences(_context.Device, 1, &fence));
        VulkanException.Check(vk.QueueSubmit(_context.Queue, 1, &submit, fence));
        VulkanException.Check(vk.WaitForFences(_context.Device, 1, &fence, true, ulong.MaxValue));
    }

    public void Dispose()
    {
        if (IsDisposed) return;
        IsDisposed = true;
        Vk vk = _context.Vk;
        if (_fence.Handle != 0) vk.DestroyFence(_context.Device, _fence, null);
        if (_pool.Handle != 0) vk.DestroyCommandPool(_context.Device, _pool, null); // frees the command buffer
        _context.Release(this);
    }

    public override string ToString() => $"CommandSequence '{Name}'";
}
