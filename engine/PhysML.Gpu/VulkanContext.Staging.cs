using Silk.NET.Vulkan;
using VkBuffer = Silk.NET.Vulkan.Buffer;

namespace PhysML.Gpu;

public sealed unsafe partial class VulkanContext
{
    // One host-visible buffer, grown to the largest transfer so far, carries every upload to and download from a
    // device-local buffer. Transfers wait for the GPU, so one is enough.
    private GpuBuffer? _staging;

    internal void UploadThroughStaging(GpuBuffer target, ReadOnlySpan<byte> bytes, ulong offset)
    {
        GpuBuffer staging = Staging((ulong)bytes.Length);
        staging.Upload(bytes);
        CopyBuffer(staging.Handle, 0, target.Handle, offset, (ulong)bytes.Length);
    }

    internal void DownloadThroughStaging(GpuBuffer source, Span<byte> bytes, ulong offset)
    {
        GpuBuffer staging = Staging((ulong)bytes.Length);
        CopyBuffer(source.Handle, offset, staging.Handle, 0, (ulong)bytes.Length);
        staging.Download(bytes);
    }

    private GpuBuffer Staging(ulong bytes)
    {
        if (_staging is { } current && current.SizeInBytes >= bytes)
        {
            return current;
        }

        _staging?.Dispose();
        // Rounded up to whole words (descriptions require it) and at least 64 KiB, so small transfers never regrow it.
        ulong size = Math.Max((bytes + 3) / 4 * 4, 64 * 1024);
        _staging = CreateBuffer(new BufferDescription(size, GpuBufferUsage.TransferSource | GpuBufferUsage.TransferDestination, HostVisible: true), "staging");
        return _staging;
    }

    private void CopyBuffer(VkBuffer source, ulong sourceOffset, VkBuffer destination, ulong destinationOffset, ulong bytes)
    {
        if (bytes == 0)
        {
            return;
        }

        SubmitAndWait(commands =>
        {
            // Host writes and earlier shader writes -> the copy; the copy -> host reads and later shaders.
            var before = new MemoryBarrier
            {
                SType = StructureType.MemoryBarrier,
                SrcAccessMask = AccessFlags.HostWriteBit | AccessFlags.ShaderWriteBit | AccessFlags.TransferWriteBit,
                DstAccessMask = AccessFlags.TransferReadBit | AccessFlags.TransferWriteBit,
            };
            _vk.CmdPipelineBarrier(commands, PipelineStageFlags.HostBit | PipelineStageFlags.ComputeShaderBit | PipelineStageFlags.TransferBit,
                PipelineStageFlags.TransferBit, 0, 1, &before, 0, null, 0, null);
            var region = new BufferCopy { SrcOffset = sourceOffset, DstOffset = destinationOffset, Size = bytes };
            _vk.CmdCopyBuffer(commands, source, destination, 1, &region);
            var after = new MemoryBarrier
            {
                SType = StructureType.MemoryBarrier,
                SrcAccessMask = AccessFlags.TransferWriteBit,
                DstAccessMask = AccessFlags.HostReadBit | AccessFlags.ShaderReadBit | AccessFlags.ShaderWriteBit,
            };
            _vk.CmdPipelineBarrier(commands, PipelineStageFlags.TransferBit,
                PipelineStageFlags.HostBit | PipelineStageFlags.ComputeShaderBit, 0, 1, &after, 0, null, 0, null);
        });
    }
}
