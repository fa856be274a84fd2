using System.Runtime.InteropServices;
using PhysML.Gpu;

namespace PhysML.Viewer.Hud;

/// <summary>
/// Blends the HUD overlay over the viewport picture on the GPU with shaders/viewer/hud_blend.comp, in place in the
/// frame buffer, before the presenter copies it to the swapchain.
/// </summary>
public sealed class HudCompositor : IDisposable
{
    /// <summary>Matches hud_blend.comp's push_constant block: uint pixels; uint groupsPerRow.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct BlendParams(uint Pixels, uint GroupsPerRow);

    private const uint LocalSize = 256;

    private readonly VulkanContext _context;
    private readonly ComputeKernel _kernel;
    private GpuBuffer? _overlay;

    public HudCompositor(VulkanContext context)
    {
        _context = context;
        _kernel = context.CreateKernel(new ComputeKernelDescription("shaders/viewer/hud_blend.comp.spv", StorageBufferCount: 2, PushConstantSize: 8));
    }

    /// <summary>frame ← overlay over frame, for width×height pixels; <paramref name="frame"/> needs Storage usage.</summary>
    public void Composite(GpuBuffer frame, ReadOnlySpan<uint> overlay, int width, int height)
    {
        int pixels = width * height;
        if (overlay.Length < pixels) throw new ArgumentException($"the overlay has {overlay.Length} pixels, fewer than {width}×{height}", nameof(overlay));
        if (_overlay is null || _overlay.SizeInBytes < (ulong)pixels * 4)
        {
            _overlay?.Dispose();
            _overlay = _context.CreateBuffer(new BufferDescription((ulong)pixels * 4, GpuBufferUsage.Storage, HostVisible: true), "hud overlay");
        }

        _overlay.Upload(overlay[..pixels]);
        uint groups = ComputeKernel.GroupCount((uint)pixels, LocalSize);
        _kernel.Dispatch([frame, _overlay], new BlendParams((uint)pixels, groups), groups);
    }

    public void Dispose()
    {
        _overlay?.Dispose();
        _kernel.Dispose();
    }
}
