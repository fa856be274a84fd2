using Silk.NET.Vulkan;

namespace PhysML.Gpu;

/// <summary>
/// Records dispatches, fills and copies into a <see cref="CommandSequence"/>. Each step is followed by a full
/// compute/transfer memory barrier: the solver's steps form one chain where each reads what the previous wrote, so a
/// finer-grained barrier would buy nothing and be easy to get wrong.
/// </summary>
public sealed unsafe class ComputeRecorder
{
    private readonly VulkanContext _context;
    private readonly CommandBuffer _commands;

    internal ComputeRecorder(VulkanContext context, CommandBuffer commands)
    {
        _context = context;
        _commands = commands;
    }

    /// <summary>Dispatches a <paramref name="groups"/> grid of workgroups of <paramref name="binding"/>'s kernel.</summary>
    public void Dispatch<TPush>(KernelBinding binding, TPush pushConstants, WorkgroupGrid groups)
        where TPush : unmanaged
    {
        ObjectDisposedException.ThrowIf(binding.IsDisposed, binding);
        binding.Kernel.ValidateDispatch(binding.BufferArray, sizeof(TPush), groups.X);
        if (groups.Y == 0 || groups.Y > _context.MaxWorkgroupsY)
            throw new ArgumentOutOfRangeException(nameof(groups), groups, $"Y must be between 1 and maxComputeWorkGroupCount[1] of {_context.MaxWorkgroupsY}");
        Vk vk = _context.Vk;
        vk.CmdBindPipeline(_commands, PipelineBindPoint.Compute, binding.Kernel.Pipeline);
        DescriptorSet set = binding.Set;
        vk.CmdBindDescriptorSets(_commands, PipelineBindPoint.Compute, binding.Kernel.Layout, 0, 1, &set, 0, null);
        if (sizeof(TPush) > 0)
        {
            TPush push = pushConstants;
            vk.CmdPushConstants(_commands, binding.Kernel.Layout, ShaderStageFlags.ComputeBit, 0, (uint)sizeof(TPush), &push);
        }
        vk.CmdDispatch(_commands, groups.X, groups.Y, 1);
        Barrier();
    }

    /// <summary>Sets every 32-bit word of <paramref name="buffer"/> to <paramref name="word"/> (0 clears floats).</summary>
    public void Fill(GpuBuffer buffer, uint word = 0)
    {
        RequireUsage(buffer, GpuBufferUsage.TransferDestination);
        _context.Vk.CmdFillBuffer(_commands, buffer.Handle, 0, Vk.WholeSize, word);
        Barrier();
    }

    /// <summary>Copies the first <paramref name="bytes"/> of <paramref name="source"/> to <paramref name="destination"/>.</summary>
    public void Copy(GpuBuffer source, GpuBuffer destination, ulong bytes)
    {
        RequireUsage(source, GpuBufferUsage.TransferSource);
        RequireUsage(destination, GpuBufferUsage.TransferDestination);
        if (bytes == 0 || bytes > source.SizeInBytes || bytes > destination.SizeInBytes)
            throw new ArgumentOutOfRangeException(nameof(bytes), bytes, $"must be between 1 and the smaller of {source} and {destination}");
        var region = new BufferCopy { SrcOffset = 0, DstOffset = 0, Size = bytes };
        _context.Vk.CmdCopyBuffer(_commands, source.Handle, destination.Handle, 1, &region);
        Barrier();
    }

    private static void RequireUsage(GpuBuffer buffer, GpuBufferUsage usage)
    {
        ObjectDisposedException.ThrowIf(buffer.IsDisposed, buffer);
        if ((buffer.Description.Usage & usage) == 0)
            throw new ArgumentException($"{buffer} was not created with GpuBufferUsage.{usage}.", nameof(buffer));
    }

    private void Barrier() => MemoryBarrier(
        PipelineStageFlags.ComputeShaderBit | PipelineStageFlags.TransferBit, AccessFlags.ShaderWriteBit | AccessFlags.TransferWriteBit,
        PipelineStageFlags.ComputeShaderBit | PipelineStageFlags.TransferBit,
        AccessFlags.ShaderReadBit | AccessFlags.ShaderWriteBit | AccessFlags.TransferReadBit | AccessFlags.TransferWriteBit);

    // Host writes (uploads between submissions) -> the sequence's reads. Submission already makes host writes
    // available; the barrier states it so the sequence stays correct if it is ever submitted without a wait.
    internal void BarrierFromHost() => MemoryBarrier(PipelineStageFlags.HostBit, AccessFlags.HostWriteBit,
        PipelineStageFlags.ComputeShaderBit | PipelineStageFlags.TransferBit,
        AccessFlags.ShaderReadBit | AccessFlags.ShaderWriteBit | AccessFlags.TransferReadBit | AccessFlags.TransferWriteBit);

    // The sequence's writes -> host reads after the fence (the fence alone does not make them visible).
    internal void BarrierToHost() => MemoryBarrier(
        PipelineStageFlags.ComputeShaderBit | PipelineStageFlags.TransferBit, AccessFlags.ShaderWriteBit | AccessFlags.TransferWriteBit,
        PipelineStageFlags.HostBit, AccessFlags.HostReadBit);

    private void MemoryBarrier(PipelineStageFlags sourceStage, AccessFlags sourceAccess, PipelineStageFlags destinationStage, AccessFlags destinationAccess)
    {
        var barrier = new MemoryBarrier { SType = StructureType.MemoryBarrier, SrcAccessMask = sourceAccess, DstAccessMask = destinationAccess };
        _context.Vk.CmdPipelineBarrier(_commands, sourceStage, destinationStage, 0, 1, &barrier, 0, null, 0, null);
    }
}
