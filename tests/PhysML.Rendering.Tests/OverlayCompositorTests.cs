using PhysML.Gpu;

namespace PhysML.Rendering.Tests;

/// <summary>
/// The one composite pass (legend and viewer HUD): premultiplied "source over", out = src + dst·(1 − src.a), opaque
/// result, a transparent overlay pixel leaving the frame alone, on a pixel count that is not a multiple of the workgroup.
/// </summary>
[Collection(RenderCollection.Name)]
public sealed class OverlayCompositorTests
{
    private static uint Rgba(int r, int g, int b, int a) => (uint)(r | g << 8 | b << 16 | a << 24);

    [Fact]
    public void Blends_a_premultiplied_overlay_over_the_pixels_source_over()
    {
        const int count = 300; // 256 + 44: the second workgroup is partly out of range
        var frame = new uint[count];
        var overlay = new uint[count];
        for (var i = 0; i < count; i++)
        {
            frame[i] = Rgba(200, 100, 40, 255);
            // Half-transparent white (premultiplied: 128 each), opaque red, and transparent pixels in turn.
            overlay[i] = (i % 3) switch { 0 => Rgba(128, 128, 128, 128), 1 => Rgba(255, 0, 0, 255), _ => 0u };
        }

        var result = new uint[count];
        using (var context = new VulkanContext(VulkanDeviceOptions.Validated))
        {
            using var compositor = new OverlayCompositor(context);
            using var pixels = context.CreateBuffer(new BufferDescription(count * 4, GpuBufferUsage.Storage, HostVisible: true), "pixels");
            pixels.Upload<uint>(frame);
            compositor.Composite(pixels, overlay, count);
            pixels.Download<uint>(result);
            Assert.Throws<ArgumentException>(() => compositor.Composite(pixels, overlay.AsSpan(0, 10), count));
            Assert.Empty(context.ValidationMessages);
        }

        // 128 + 200·(1 − 128/255) = 227.6 → 228 (unorm rounding); 128 + 100·0.498 = 177.8 → 178; 128 + 40·0.498 = 147.9 → 148.
        Assert.Equal(Rgba(228, 178, 148, 255), result[0]);
        Assert.Equal(Rgba(255, 0, 0, 255), result[1]);
        Assert.Equal(frame[2], result[2]);
        Assert.Equal(Rgba(228, 178, 148, 255), result[count - 3]);
        Assert.Equal(frame[count - 1], result[count - 1]);
    }
}
