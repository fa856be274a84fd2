using PhysML.Core.Errors;
using PhysML.Gpu;
using PhysML.Scenes.Recording;

namespace PhysML.Rendering;

/// <summary>
/// Draws a <see cref="RenderSnapshot"/> into a <see cref="RenderTarget"/> with Vulkan compute: 2D fields colormapped
/// with obstacles and velocity glyphs (<c>field2d.comp</c>), 3D fields as a lit smoke volume with obstacle surfaces and a
/// slice plane (<c>volume_bricks.comp</c>, <c>volume_light.comp</c>, <c>volume.comp</c>), then overlays such as the legend (<see cref="OverlayCompositor"/>).
/// Each frame is one recorded command sequence; the only host round trips are the snapshot's upload and, when a caller
/// wants a PNG, <see cref="RenderTarget.ReadPixels()"/>.
/// </summary>
/// <remarks>
/// Not thread-safe (like <see cref="VulkanContext"/>): one renderer per render thread. Split by concern:
/// <c>FrameRenderer.TwoD.cs</c>, <c>FrameRenderer.Volume.cs</c>.
/// </remarks>
public sealed partial class FrameRenderer : IDisposable
{
    private static readonly System.Reflection.Assembly Shaders = typeof(FrameRenderer).Assembly;
    private readonly VulkanContext _context;
    private readonly ComputeKernel _field2D;
    private readonly ComputeKernel _volumeLight;
    private readonly ComputeKernel _volume;
    private readonly ComputeKernel _volumeBricks;
    private readonly OverlayCompositor _composite;
    private readonly CommandSequence _sequence;
    private readonly DeviceArray _field, _solid, _velocity, _density, _light, _bricks, _lut;
    private readonly GpuBuffer _none;
    private readonly Dictionary<string, uint[]> _tables = new(StringComparer.Ordinal);
    private OverlayCanvas? _legend;

    public FrameRenderer(VulkanContext context)
    {
        _context = context;
        _field2D = Kernel("field2d", 5, sizeof(int) * 10);
        _volumeLight = Kernel("volume_light", 3, sizeof(int) * 9);
        _volume = Kernel("volume", 7, sizeof(int) * 32);
        _volumeBricks = Kernel("volume_bricks", 3, sizeof(int) * 5);
        _composite = new OverlayCompositor(context);
        _sequence = context.CreateSequence("render frame");
        _field = new DeviceArray(context, "render field");
        _solid = new DeviceArray(context, "render solid");
        _velocity = new DeviceArray(context, "render velocity");
        _density = new DeviceArray(context, "render density");
        _light = new DeviceArray(context, "render light");
        _bricks = new DeviceArray(context, "render bricks");
        _lut = new DeviceArray(context, "render colormap");
        // Bound where a view has no solid mask or velocity: the shaders read it only when the push constants say so.
        _none = context.CreateBuffer(new BufferDescription(16, GpuBufferUsage.Storage, HostVisible: true), "render none");
    }

    public bool IsDisposed { get; private set; }

    /// <summary>Draws <paramref name="view"/>'s field of <paramref name="snapshot"/> into <paramref name="target"/> and
    /// waits until the GPU has finished. An unknown field is PML0701; a field that is not 2D or 3D is PML0702; a view
    /// setting out of range is an <see cref="ArgumentException"/> naming it.</summary>
    public RenderedFrame Render(RenderSnapshot snapshot, RenderView view, RenderTarget target)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        view.Validate();
        var field = snapshot.Find(view.Field) ?? throw RenderSnapshot.UnknownField(view.Field, snapshot.Fields.Keys);
        var (colormap, range) = Resolve(field, view);
        var lut = _lut.Upload<uint>(Table(colormap));
        var frame = field.Dimensions switch
        {
            2 => Render2D(snapshot, field, view, target, colormap, range, lut),
            3 => Render3D(snapshot, field, view, target, colormap, range, lut),
            _ => throw new PhysMLException(ErrorCodes.RenderFieldNotDrawable, ErrorCategory.BadInput,
                $"cannot render field '{field.Name}' of shape [{string.Join(", ", field.Shape)}]: the renderer draws 2D [ny, nx] and 3D [nz, ny, nx] fields"),
        };
        if ((view.Overlays & RenderOverlays.Legend) != 0)
        {
            var legend = LegendCanvas(target);
            legend.Clear();
            // Density drawn as smoke (no slice plane): the bar shows how a layer ten cells deep of each density looks.
            if (frame.Volume && field.Name == RenderSnapshot.DensityFieldName && view.Slice.Axis == SliceAxis.None)
                Legend.Draw(legend, t => SmokeRamp(t, view.SmokeOpacity), range, $"{field.Name} (smoke)", field.Unit, snapshot.Frame, snapshot.Time);
            else
                Legend.Draw(legend, colormap, range, field.Name, field.Unit, snapshot.Frame, snapshot.Time);
            Composite(legend, target);
        }
        return frame;
    }

    /// <summary>Blends <paramref name="overlay"/> (premultiplied RGBA8, the target's size) over <paramref name="target"/>.</summary>
    public void Composite(OverlayCanvas overlay, RenderTarget target)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (overlay.Width != target.Width || overlay.Height != target.Height)
            throw new ArgumentException($"overlay {overlay.Width}x{overlay.Height} does not match target {target.Width}x{target.Height}", nameof(overlay));
        _composite.Composite(target.Pixels, System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(overlay.Pixels), target.PixelCount);
    }

    public void Dispose()
    {
        if (IsDisposed) return;
        IsDisposed = true;
        _legend?.Dispose();
        // Reverse order of creation.
        _none.Dispose();
        foreach (var array in new[] { _lut, _bricks, _light, _density, _velocity, _solid, _field }) array.Dispose();
        _sequence.Dispose();
        _composite.Dispose();
        _volumeBricks.Dispose();
        _volume.Dispose();
        _volumeLight.Dispose();
        _field2D.Dispose();
    }

    /// <summary>The colormap by name, or by the data's sign; the range as given, or the data's (symmetric about 0 for
    /// the diverging map, so 0 is its white middle).</summary>
    internal static (Colormap Colormap, ValueRange Range) Resolve(FieldSnapshot field, RenderView view)
    {
        var signed = field.Min < 0 && field.Max > 0;
        var name = view.Colormap ?? (signed ? "diverging" : "viridis");
        var colormap = Colormap.Get(name);
        if (view.Range is { } fixedRange) return (colormap, fixedRange);
        if (name == "diverging")
        {
            var extent = Math.Max(Math.Abs(field.Min), Math.Abs(field.Max));
            return (colormap, new ValueRange(-extent, extent));
        }
        return (colormap, new ValueRange(field.Min, field.Max));
    }

    /// <summary>Background (render_common.glsl) under a lit smoke layer of ten cells at density fraction t: Beer–Lambert
    /// opacity 1 − exp(−10 · opacity · t) blends towards the smoke colour (volume.comp's SMOKE).</summary>
    private static (byte R, byte G, byte B) SmokeRamp(double t, double opacity)
    {
        var a = 1 - Math.Exp(-10 * opacity * Math.Clamp(t, 0, 1));
        static byte Mix(double from, double to, double a) => (byte)Math.Round(255 * (from + (to - from) * a));
        return (Mix(0.11, 0.92, a), Mix(0.11, 0.92, a), Mix(0.12, 0.95, a));
    }

    private uint[] Table(Colormap colormap)
    {
        if (!_tables.TryGetValue(colormap.Name, out var table)) _tables[colormap.Name] = table = ColormapTable.For(colormap);
        return table;
    }

    private OverlayCanvas LegendCanvas(RenderTarget target)
    {
        if (_legend is { } current && current.Width == target.Width && current.Height == target.Height) return current;
        _legend?.Dispose();
        return _legend = new OverlayCanvas(target.Width, target.Height);
    }

    private ComputeKernel Kernel(string name, int buffers, int pushBytes) =>
        _context.CreateKernel(new ComputeKernelDescription($"shaders/render/{name}.comp.spv", buffers, pushBytes) { ShaderAssembly = Shaders });

    private void Submit(Action<ComputeRecorder> record)
    {
        _sequence.Record(record);
        _sequence.SubmitAndWait();
    }

    /// <summary>Workgroups of 16×16 pixels covering the target.</summary>
    private static WorkgroupGrid PixelGroups(RenderTarget target) => new((uint)(target.Width + 15) / 16, (uint)(target.Height + 15) / 16);
}
