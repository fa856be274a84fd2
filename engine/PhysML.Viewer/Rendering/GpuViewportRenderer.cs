using PhysML.Gpu;
using PhysML.Rendering;
using PhysML.Viewer.Simulation;
using PhysML.Viewer.Viewing;

namespace PhysML.Viewer.Rendering;

/// <summary>
/// The viewport drawn by the engine's Vulkan renderer (<see cref="FrameRenderer"/>, the same one as
/// <c>physml run --render</c>) on the window's own device: 2D fields with obstacles and velocity glyphs, a 3D density field as a lit smoke
/// volume seen through the orbit camera (orbit, zoom, pan), any other 3D field as its z-slice at <see cref="ViewState.SliceFraction"/>.
/// The frame is copied GPU-to-GPU into the presenter's buffer; the HUD draws its own colour bar, so no legend here.
/// </summary>
public sealed class GpuViewportRenderer(VulkanContext context) : IViewportRenderer
{
    private readonly FrameRenderer _renderer = new(context);
    private readonly CommandSequence _copy = context.CreateSequence("viewport copy");
    private RenderTarget? _target;

    public void Render(ViewerSnapshot snapshot, ViewState view, GpuBuffer target, int width, int height)
    {
        if (_target is null || _target.Width != width || _target.Height != height)
        {
            _target?.Dispose();
            _target = new RenderTarget(context, width, height);
        }

        if (snapshot.FieldShape.Length is not (2 or 3) || snapshot.Values.Length == 0)
        {
            // Nothing to show yet (the scene is loading) or a field the renderer cannot draw: a blank viewport.
            target.Upload<uint>(new uint[width * height]);
            return;
        }

        _renderer.Render(ToRenderSnapshot(snapshot), ToRenderView(snapshot, view), _target);
        ulong bytes = (ulong)width * (ulong)height * 4;
        _copy.Record(r => r.Copy(_target.Pixels, target, bytes));
        _copy.SubmitAndWait();
    }

    internal static RenderSnapshot ToRenderSnapshot(ViewerSnapshot s)
    {
        var field = new FieldSnapshot(s.FieldName, s.FieldUnit, s.FieldShape, s.Values);
        var solid = s.Solid.Length == s.Values.Length
            ? new FieldSnapshot(RenderSnapshot.SolidFieldName, "", s.FieldShape, s.Solid)
            : null;
        return new RenderSnapshot(s.Frame, s.SimulatedTime, [field], solid, s.Velocity);
    }

    internal static RenderView ToRenderView(ViewerSnapshot s, ViewState view)
    {
        bool volume = s.FieldShape.Length == 3 && s.FieldName == RenderSnapshot.DensityFieldName;
        return new RenderView(s.FieldName)
        {
            Camera = OrbitCamera.Default with { Yaw = view.Yaw, Pitch = view.Pitch, Distance = view.Distance, Pan = (view.PanX, view.PanY) },
            Slice = s.FieldShape.Length == 3 && !volume ? new SlicePlane(SliceAxis.Z, Math.Clamp(view.SliceFraction, 0, 1)) : SlicePlane.None,
            Overlays = RenderOverlays.Default & ~RenderOverlays.Legend & ~(view.ShowGlyphs ? RenderOverlays.None : RenderOverlays.Glyphs),
        };
    }

    public void Dispose()
    {
        _target?.Dispose();
        _copy.Dispose();
        _renderer.Dispose();
    }
}
