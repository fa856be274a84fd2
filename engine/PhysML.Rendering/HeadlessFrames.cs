using PhysML.Core.Application;
using PhysML.Gpu;
using PhysML.Scenes.Recording;

namespace PhysML.Rendering;

/// <summary>
/// <c>physml run --render</c>: draws each recorded frame with the <see cref="FrameRenderer"/> into an offscreen
/// <see cref="RenderTarget"/> (no window, no display), reads it back and writes the PNG; after the run, encodes the
/// frames into a video when asked. Owns its Vulkan device: no device is error PML0401, raised here, before the run
/// writes anything (there is no CPU fallback: lavapipe is the CPU Vulkan device, installed by scripts/bootstrap.sh).
/// </summary>
public sealed class HeadlessFrames : IRunFrameRenderer, IDisposable
{
    private readonly HeadlessRenderOptions _options;
    private readonly SnapshotExchange _exchange;
    private readonly string? _ffmpeg;
    private readonly VulkanContext _context;
    private readonly FrameRenderer _renderer;
    private readonly RenderTarget _target;
    private RenderSnapshot? _current;
    private double _seenMin = double.PositiveInfinity;
    private double _seenMax = double.NegativeInfinity;

    /// <summary>Adds the extraction to <paramref name="app"/>; call before the app's Startup (the scene runner runs it).</summary>
    public static void Prepare(App app, string? field) =>
        app.AddPlugin(new RenderExtractionPlugin { Fields = field is null ? [] : [field] });

    /// <summary>Checks for ffmpeg (when a video is asked for, PML0704) and creates the device and target.</summary>
    public HeadlessFrames(App app, HeadlessRenderOptions options, VulkanDeviceOptions device = default)
    {
        _options = options;
        _exchange = app.World.Resource<SnapshotExchange>();
        _ffmpeg = options.VideoPath is null ? null : FfmpegVideo.Locate();
        _context = new VulkanContext(device == default ? new VulkanDeviceOptions() : device);
        try
        {
            _renderer = new FrameRenderer(_context);
            _target = new RenderTarget(_context, options.Width, options.Height);
        }
        catch
        {
            _context.Dispose();
            throw;
        }
    }

    /// <summary>The device's validation messages (empty unless created with validation on).</summary>
    public IReadOnlyList<string> ValidationMessages => _context.ValidationMessages;

    public void WriteFrame(int frame, string pngPath)
    {
        if (_exchange.TryTakeLatest(out var latest)) _current = latest;
        var snapshot = _current ?? throw new InvalidOperationException("no snapshot was extracted before the first frame; call HeadlessFrames.Prepare before Startup");
        var name = _options.Field ?? _exchange.RequestedFields.FirstOrDefault()
            ?? throw RenderSnapshot.UnknownField("(none)", snapshot.Fields.Keys);
        var view = new RenderView(name) { Colormap = _options.Colormap, Range = _options.Range };
        if (view.Range is null && snapshot.Find(name) is { } field)
        {
            // A constant field so far (a plume before its first smoke) keeps the renderer's own (empty) range.
            // Grow the range seen so far, then let the renderer's rule (symmetric for diverging) apply to it.
            _seenMin = Math.Min(_seenMin, field.Min);
            _seenMax = Math.Max(_seenMax, field.Max);
            var (colormap, _) = FrameRenderer.Resolve(field, view);
            var extent = Math.Max(Math.Abs(_seenMin), Math.Abs(_seenMax));
            var seen = colormap.Name == "diverging" ? new ValueRange(-extent, extent) : new ValueRange(_seenMin, _seenMax);
            view = view with { Colormap = colormap.Name, Range = seen.Min < seen.Max ? seen : null };
        }
        _renderer.Render(snapshot, view, _target);
        _target.SavePng(pngPath);
    }

    public string? Complete(string framesDirectory)
    {
        if (_options.VideoPath is not { } video) return null;
        FfmpegVideo.Encode(_ffmpeg!, framesDirectory, video, _options.FramesPerSecond);
        return Path.GetFullPath(video);
    }

    public void Dispose()
    {
        _target.Dispose();
        _renderer.Dispose();
        _context.Dispose();
    }
}
