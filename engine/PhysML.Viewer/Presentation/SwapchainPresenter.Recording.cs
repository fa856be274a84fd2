using PhysML.Gpu;
using Silk.NET.Vulkan;
using Semaphore = Silk.NET.Vulkan.Semaphore;

namespace PhysML.Viewer.Presentation;

public sealed unsafe partial class SwapchainPresenter
{
    private static readonly ImageSubresourceRange Colour = new(ImageAspectFlags.ColorBit, 0, 1, 0, 1);
    private static readonly ImageSubresourceLayers ColourLayers = new(ImageAspectFlags.ColorBit, 0, 0, 1);

    private void RecordFrame(FrameSlot slot, GpuBuffer source, int width, int height, uint imageIndex, bool capture)
    {
        Vk vk = _context.Vk;
        CommandBuffer commands = slot.Commands;
        VulkanException.Check(vk.ResetCommandBuffer(commands, 0));
        var begin = new CommandBufferBeginInfo { SType = StructureType.CommandBufferBeginInfo, Flags = CommandBufferUsageFlags.OneTimeSubmitBit };
        VulkanException.Check(vk.BeginCommandBuffer(commands, &begin));

        // The renderer wrote the buffer with a shader, a copy or the host; make those writes visible to the copy.
        var written = new MemoryBarrier
        {
            SType = StructureType.MemoryBarrier,
            SrcAccessMask = AccessFlags.HostWriteBit | AccessFlags.ShaderWriteBit | AccessFlags.TransferWriteBit,
            DstAccessMask = AccessFlags.TransferReadBit,
        };
        vk.CmdPipelineBarrier(commands, PipelineStageFlags.HostBit | PipelineStageFlags.ComputeShaderBit | PipelineStageFlags.TransferBit,
            PipelineStageFlags.TransferBit, 0, 1, &written, 0, null, 0, null);

        // Undefined -> transfer destination: the previous contents are overwritten whole, so they may be discarded.
        Transition(commands, slot.Staging, ImageLayout.Undefined, ImageLayout.TransferDstOptimal, 0, AccessFlags.TransferWriteBit);
        var copy = new BufferImageCopy
        {
            BufferOffset = 0,
            BufferRowLength = 0,
            BufferImageHeight = 0,
            ImageSubresource = ColourLayers,
            ImageExtent = new Extent3D((uint)width, (uint)height, 1),
        };
        vk.CmdCopyBufferToImage(commands, source.Handle, slot.Staging, ImageLayout.TransferDstOptimal, 1, &copy);
        Transition(commands, slot.Staging, ImageLayout.TransferDstOptimal, ImageLayout.TransferSrcOptimal, AccessFlags.TransferWriteBit, AccessFlags.TransferReadBit);

        Image target = _images[imageIndex];
        Transition(commands, target, ImageLayout.Undefined, ImageLayout.TransferDstOptimal, 0, AccessFlags.TransferWriteBit);
        var blit = new ImageBlit { SrcSubresource = ColourLayers, DstSubresource = ColourLayers };
        blit.SrcOffsets[0] = new Offset3D(0, 0, 0);
        blit.SrcOffsets[1] = new Offset3D(width, height, 1);
        blit.DstOffsets[0] = new Offset3D(0, 0, 0);
        blit.DstOffsets[1] = new Offset3D(Extent.Width, Extent.Height, 1);
        // Same size (the usual case): nearest copies pixels exactly; scaled (mid-resize): linear avoids blockiness.
        Filter filter = (width, height) == Extent ? Filter.Nearest : Filter.Linear;
        vk.CmdBlitImage(commands, slot.Staging, ImageLayout.TransferSrcOptimal, target, ImageLayout.TransferDstOptimal, 1, &blit, filter);

        if (capture && _canCapture)
        {
            RecordCapture(slot, commands, target);
        }

        Transition(commands, target, capture && _canCapture ? ImageLayout.TransferSrcOptimal : ImageLayout.TransferDstOptimal,
            ImageLayout.PresentSrcKhr, AccessFlags.TransferWriteBit | AccessFlags.TransferReadBit, 0);
        VulkanException.Check(vk.EndCommandBuffer(commands));
    }

    private void RecordCapture(FrameSlot slot, CommandBuffer commands, Image target)
    {
        ulong bytes = (ulong)Extent.Width * (ulong)Extent.Height * 4;
        if (slot.Capture is null || slot.Capture.SizeInBytes != bytes)
        {
            slot.Capture?.Dispose();
            slot.Capture = _context.CreateBuffer(new BufferDescription(bytes, GpuBufferUsage.TransferDestination, HostVisible: true), "swapchain capture");
        }

        Transition(commands, target, ImageLayout.TransferDstOptimal, ImageLayout.TransferSrcOptimal, AccessFlags.TransferWriteBit, AccessFlags.TransferReadBit);
        var region = new BufferImageCopy { ImageSubresource = ColourLayers, ImageExtent = new Extent3D((uint)Extent.Width, (uint)Extent.Height, 1) };
        _context.Vk.CmdCopyImageToBuffer(commands, target, ImageLayout.TransferSrcOptimal, slot.Capture.Handle, 1, &region);
        var toHost = new MemoryBarrier { SType = StructureType.MemoryBarrier, SrcAccessMask = AccessFlags.TransferWriteBit, DstAccessMask = AccessFlags.HostReadBit };
        _context.Vk.CmdPipelineBarrier(commands, PipelineStageFlags.TransferBit, PipelineStageFlags.HostBit, 0, 1, &toHost, 0, null, 0, null);
        slot.CaptureRecorded = true;
        _captureSize = Extent;
    }

    private void Transition(CommandBuffer commands, Image image, ImageLayout from, ImageLayout to, AccessFlags sourceAccess, AccessFlags destinationAccess)
    {
        var barrier = new ImageMemoryBarrier
        {
            SType = StructureType.ImageMemoryBarrier,
            SrcAccessMask = sourceAccess,
            DstAccessMask = destinationAccess,
            OldLayout = from,
            NewLayout = to,
            SrcQueueFamilyIndex = Vk.QueueFamilyIgnored,
            DstQueueFamilyIndex = Vk.QueueFamilyIgnored,
            Image = image,
            SubresourceRange = Colour,
        };
        // Transfer to transfer; the last one hands the image to the presentation engine, which the semaphore orders.
        PipelineStageFlags destination = to == ImageLayout.PresentSrcKhr ? PipelineStageFlags.BottomOfPipeBit : PipelineStageFlags.TransferBit;
        _context.Vk.CmdPipelineBarrier(commands, PipelineStageFlags.TransferBit, destination, 0, 0, null, 0, null, 1, &barrier);
    }

    private void Submit(FrameSlot slot, uint imageIndex)
    {
        Semaphore wait = slot.ImageAcquired;
        Semaphore signal = _renderFinished[imageIndex];
        // The acquire semaphore gates the transfer stage: the copy into the intermediate image may start before the
        // swapchain image is free, only the blit into it must wait.
        PipelineStageFlags waitStage = PipelineStageFlags.TransferBit;
        CommandBuffer commands = slot.Commands;
        var submit = new SubmitInfo
        {
            SType = StructureType.SubmitInfo,
            WaitSemaphoreCount = 1,
            PWaitSemaphores = &wait,
            PWaitDstStageMask = &waitStage,
            CommandBufferCount = 1,
            PCommandBuffers = &commands,
            SignalSemaphoreCount = 1,
            PSignalSemaphores = &signal,
        };
        Fence fence = slot.Fence;
        VulkanException.Check(_context.Vk.ResetFences(_context.Device, 1, &fence));
        VulkanException.Check(_context.Vk.QueueSubmit(_context.Queue, 1, &submit, fence));
    }

    private Result QueuePresent(uint imageIndex)
    {
        Semaphore wait = _renderFinished[imageIndex];
        SwapchainKHR swapchain = _swapchain;
        var present = new PresentInfoKHR
        {
            SType = StructureType.PresentInfoKhr,
            WaitSemaphoreCount = 1,
            PWaitSemaphores = &wait,
            SwapchainCount = 1,
            PSwapchains = &swapchain,
            PImageIndices = &imageIndex,
        };
        return _api.QueuePresent(_context.Queue, &present);
    }
}
