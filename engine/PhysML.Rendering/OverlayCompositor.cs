using PhysML.Gpu;

namespace PhysML.Rendering;

/// <summary>
/// Blends a premultiplied RGBA8 overlay over packed RGBA8 pixels on the GPU, in place (<c>composite.comp</c>:
/// out = src + dst·(1 − src.a)). The one composite pass: the renderer's legend over a frame and the viewer's HUD over
/// the window's frame both go through it.
/// </summary>
/// <remarks>Not thread-safe (like <see cref="VulkanContext"/>): one per render thread.</remarks>
public sealed class OverlayCompositor : IDisposable
{
    private const uint LocalSize = 256; // composite.comp's local_size_x
    private readonly VulkanContext _context;
    private readonly ComputeKernel _kernel;
    private readonly CommandSequence _sequence;
    private readonly DeviceArray _overlay;

    public OverlayCompositor(VulkanContext context)
    {
        _context = context;
        _kernel = context.CreateKernel(new ComputeKernelDescription("shaders/render/composite.comp.spv", 2, sizeof(uint) * 2)
            { ShaderAssembly = typeof(OverlayCompositor).Assembly });
        _sequence = context.CreateSequence("overlay composite");
        _overlay = new DeviceArray(context, "overlay");
    }

    /// <summary>
    /// <paramref name="pixels"/>[i] ← <paramref name="overlay"/>[i] over <paramref name="pixels"/>[i] for the first
    /// <paramref name="pixelCount"/> pixels (R in the lowest byte); <paramref name="pixels"/> needs Storage usage. Waits
    /// until the GPU has finished.
    /// </summary>
    public void Composite(GpuBuffer pixels, ReadOnlySpan<uint> overlay, int pixelCount)
    {
        if (overlay.Length < pixelCount)
            throw new ArgumentException($"the overlay has {overlay.Length} pixels, fewer than the {pixelCount} to blend", nameof(overlay));
        if (pixels.SizeInBytes < (ulong)pixelCount * 4)
            throw new ArgumentException($"the pixel buffer holds fewer than the {pixelCount} pixels to blend", nameof(pixels));
        var buffer = _overlay.Upload(overlay[..pixelCount]);
        var grid = WorkgroupGrid.For(pixelCount, LocalSize, _context.MaxWorkgroupsX);
        using var binding = _kernel.Bind(pixels, buffer);
        _sequence.Record(r => r.Dispatch(binding, new CompositePush { Count = (uint)pixelCount, RowLength = grid.X * LocalSize }, grid));
        _sequence.SubmitAndWait();
    }

    public void Dispose()
    {
        _overlay.Dispose();
        _sequence.Dispose();
        _kernel.Dispose();
    }
}
