using Silk.NET.Vulkan;

namespace PhysML.Gpu;

public sealed unsafe partial class VulkanContext
{
    // One command buffer and one fence, reused: every submission is waited for before the next is recorded, so
    // there is never more than one in flight. A frame-pipelined queue comes with the solver backend.
    private void CreateSubmitObjects()
    {
        var poolInfo = new CommandPoolCreateInfo
        {
            SType = StructureType.CommandPoolCreateInfo,
            // Reset per submission instead of reallocating.
            Flags = CommandPoolCreateFlags.ResetCommandBufferBit,
            QueueFamilyIndex = ComputeQueueFamily,
        };
        CommandPool pool;
        VulkanException.Check(_vk.CreateCommandPool(_device, &poolInfo, null, &pool));
        _commandPool = pool;

        var allocateInfo = new CommandBufferAllocateInfo
        {
            SType = StructureType.CommandBufferAllocateInfo,
            CommandPool = _commandPool,
            Level = CommandBufferLevel.Primary,
            CommandBufferCount = 1,
        };
        CommandBuffer commandBuffer;
        VulkanException.Check(_vk.AllocateCommandBuffers(_device, &allocateInfo, &commandBuffer));
        _commandBuffer = commandBuffer;

        var fenceInfo = new FenceCreateInfo { SType = StructureType.FenceCreateInfo };
        Fence fence;
        VulkanException.Check(_vk.CreateFence(_device, &fenceInfo, null, &fence));
        _fence = fence;
    }

    /// <summary>Records commands with <paramref name="record"/>, submits them and blocks until the GPU has finished.</summary>
    /// <remarks>
    /// After this returns the GPU no longer uses any resource the commands touched, which is what lets GpuBuffer and
    /// ComputeKernel free their handles at Dispose without deferred deletion.
    /// </remarks>
    internal void SubmitAndWait(Action<CommandBuffer> record)
    {
        ThrowIfDisposed();
        VulkanException.Check(_vk.ResetCommandBuffer(_commandBuffer, 0));
        var begin = new CommandBufferBeginInfo
        {
            SType = StructureType.CommandBufferBeginInfo,
            Flags = CommandBufferUsageFlags.OneTimeSubmitBit,
        };
        VulkanException.Check(_vk.BeginCommandBuffer(_commandBuffer, &begin));
        record(_commandBuffer);
        VulkanException.Check(_vk.EndCommandBuffer(_commandBuffer));

        CommandBuffer commandBuffer = _commandBuffer;
        var submit = new SubmitInfo
        {
            SType = StructureType.SubmitInfo,
            CommandBufferCount = 1,
            PCommandBuffers = &commandBuffer,
        };
        Fence fence = _fence;
        VulkanException.Check(_vk.ResetFences(_device, 1, &fence));
        VulkanException.Check(_vk.QueueSubmit(_queue, 1, &submit, fence));
        // No timeout: a dispatch that never ends is a device loss, which vkWaitForFences reports as ErrorDeviceLost.
        VulkanException.Check(_vk.WaitForFences(_device, 1, &fence, true, ulong.MaxValue));
    }
}
