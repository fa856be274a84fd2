using PhysML.Gpu;

namespace PhysML.Rendering;

/// <summary>
/// What a frame is drawn into: a GPU buffer of <see cref="Width"/>×<see cref="Height"/> packed RGBA8 pixels (R in the
/// lowest byte, i.e. VK_FORMAT_R8G8B8A8_UNORM texels), row-major, top row first. The viewer copies it into a swapchain
/// image (vkCmdCopyBufferToImage: the buffer is a transfer source); headless runs read it back for PNGs.
/// </summary>
public sealed class RenderTarget : IDisposable
{
    /// <summary>Largest side accepted: 8K is more than any screen or video here needs.</summary>
    public const int MaxSide = 8192;

    public RenderTarget(VulkanContext context, int width, int height)
    {
        if (width is < 1 or > MaxSide) throw new ArgumentOutOfRangeException(nameof(width), width, $"must be between 1 and {MaxSide} pixels");
        if (height is < 1 or > MaxSide) throw new ArgumentOutOfRangeException(nameof(height), height, $"must be between 1 and {MaxSide} pixels");
        (Width, Height) = (width, height);
        // Device-local: written by every render, read by the swapchain copy; the host reads it only for PNGs (through
        // the context's staging buffer). TransferSource declared for the viewer's GPU-to-GPU copy into its frame buffer.
        Pixels = context.CreateBuffer(new BufferDescription((ulong)width * (ulong)height * 4, GpuBufferUsage.Storage | GpuBufferUsage.TransferSource, HostVisible: false),
            $"render-target {width}x{height}");
    }

    public int Width { get; }
    public int Height { get; }
    public GpuBuffer Pixels { get; }
    public int PixelCount => Width * Height;

    /// <summary>Copies the pixels to the host: Width×Height×4 bytes, R, G, B, A per pixel, top row first.</summary>
    public byte[] ReadPixels()
    {
        var bytes = new byte[PixelCount * 4];
        ReadPixels(bytes);
        return bytes;
    }

    public void ReadPixels(Span<byte> destination) => Pixels.Download(destination[..(PixelCount * 4)]);

    /// <summary>Writes the pixels to <paramref name="path"/> as a PNG (atomically: a temp file renamed into place).</summary>
    public void SavePng(string path) => PngImage.Write(path, ReadPixels(), Width, Height);

    public void Dispose() => Pixels.Dispose();
}
