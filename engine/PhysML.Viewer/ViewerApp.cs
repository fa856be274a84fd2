using System.Diagnostics;
using PhysML.Gpu;
using PhysML.Rendering;
using PhysML.Scenes.Loading;
using PhysML.Viewer.Glfw;
using PhysML.Viewer.Hud;
using PhysML.Viewer.Presentation;
using PhysML.Viewer.Rendering;
using PhysML.Viewer.Simulation;
using PhysML.Viewer.Viewing;

namespace PhysML.Viewer;

/// <summary>
/// The interactive viewer: a window, a Vulkan context presenting to it, the simulation on its own thread, and the
/// window thread's frame: input → latest snapshot → viewport → HUD blended on the GPU → present.
/// </summary>
/// <remarks>
/// Split by concern: <c>ViewerApp.Input.cs</c> (keys and mouse). Teardown runs in reverse order of creation: the
/// simulation thread stops first (it may hold the GPU through a Vulkan pressure solver on its own context), then the
/// GPU objects, the context and the window.
/// </remarks>
public sealed partial class ViewerApp : IDisposable
{
    private const int FrameSlots = SwapchainPresenter.FramesInFlight;

    private readonly ViewerOptions _options;
    private readonly IViewportRenderer _renderer;
    private readonly GpuBuffer?[] _frames = new GpuBuffer?[FrameSlots];
    private readonly HudOverlay _hud = new();
    private readonly OverlayCompositor _compositor;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private HudTimings _timings;
    private long _lastFrame = -1;
    private bool _screenshotRequested;

    /// <summary>Opens the window and the Vulkan context; the simulation starts with <see cref="Run"/> or <see cref="StartSimulation"/>.</summary>
    /// <param name="load">Loads the scene (called on the simulation thread, again on every reset).</param>
    /// <param name="options">Window size, vsync, backend, screenshot directory.</param>
    /// <param name="renderer">Makes the viewport renderer on the window's Vulkan context (e.g. <see cref="GpuViewportRenderer"/>);
    /// the CPU colormap renderer when null.</param>
    /// <exception cref="Core.Errors.PhysMLException">PML0710 no display, PML0711 nothing can present, PML0401 no Vulkan.</exception>
    public ViewerApp(Func<LoadedScene> load, ViewerOptions options, Func<VulkanContext, IViewportRenderer>? renderer = null)
    {
        _options = options;
        Window = new GlfwWindow(options.Width, options.Height, "PhysML viewer", options.Visible);
        try
        {
            Context = new VulkanContext(new VulkanDeviceOptions(EnableValidation: options.EnableValidation, ApplicationName: "PhysML viewer", Presentation: Window));
            Presenter = new SwapchainPresenter(Context, () => Window.FramebufferSize, options.VSync);
            _compositor = new OverlayCompositor(Context);
            _renderer = renderer?.Invoke(Context) ?? new ColormapViewportRenderer();
        }
        catch
        {
            Context?.Dispose();
            Window.Dispose();
            throw;
        }

        Simulation = new ViewerSimulation(load, options.Backend, options.StartPaused);
    }

    public GlfwWindow Window { get; }

    public VulkanContext Context { get; }

    public SwapchainPresenter Presenter { get; }

    public ViewerSimulation Simulation { get; }

    /// <summary>The camera and display choices the input changed; the renderer reads it every frame.</summary>
    public ViewState View { get; private set; } = ViewState.Initial;

    /// <summary>The snapshot the last window frame showed.</summary>
    public ViewerSnapshot Shown => Simulation.Snapshots.Front;

    /// <summary>The last screenshot's path, or null.</summary>
    public string? LastScreenshot { get; private set; }

    /// <summary>The composed frame (viewport and HUD) the last window frame presented, packed RGBA8, when
    /// <see cref="KeepFrames"/> is on or a screenshot was taken; empty otherwise.</summary>
    public uint[] LastFrame { get; private set; } = [];

    /// <summary>Read every composed frame back into <see cref="LastFrame"/> (tests); off, only screenshots read back.</summary>
    public bool KeepFrames { get; set; }

    public HudTimings Timings => _timings;

    public void StartSimulation() => Simulation.Start();

    /// <summary>Runs until the window closes (Esc or the close button).</summary>
    /// <param name="captureAtFrame">When set: once the shown snapshot reaches this simulation frame, take a screenshot
    /// and close (for documentation images and scripted checks); the PNG's path is <see cref="LastScreenshot"/>.</param>
    public void Run(long? captureAtFrame = null)
    {
        StartSimulation();
        bool captured = false;
        while (RunFrame())
        {
            if (captured)
            {
                Window.RequestClose();
            }
            else if (captureAtFrame is { } target && Shown.Frame >= target)
            {
                // The screenshot is taken in the next window frame, which shows this snapshot with a settled HUD.
                _screenshotRequested = true;
                captured = true;
            }
        }
    }

    /// <summary>One window frame; false once the window should close.</summary>
    public bool RunFrame()
    {
        long start = Stopwatch.GetTimestamp();
        Window.PollEvents();
        HandleInput(Window.Input.Drain());
        if (Window.ShouldClose) return false;
        (int width, int height) = Window.FramebufferSize;
        if (width == 0 || height == 0 || Window.IsIconified)
        {
            // Minimised: nothing to draw; sleep until an event instead of spinning (the simulation keeps running).
            Window.WaitEvents(TimeSpan.FromMilliseconds(100));
            return true;
        }

        TakeLatestSnapshot();
        int slot = Presenter.BeginFrame();
        GpuBuffer frame = FrameBuffer(slot, width, height);
        long renderStart = Stopwatch.GetTimestamp();
        _renderer.Render(Shown, View, frame, width, height);
        ReadOnlySpan<uint> overlay = View.ShowHud ? _hud.Draw(Shown, _timings, View.ShowHelp, width, height) : default;
        double renderMs = Stopwatch.GetElapsedTime(renderStart).TotalMilliseconds;

        long presentStart = Stopwatch.GetTimestamp();
        if (View.ShowHud) _compositor.Composite(frame, overlay, width * height);
        KeepFrame(frame, width, height);
        Presenter.Present(frame, width, height);
        double presentMs = Stopwatch.GetElapsedTime(presentStart).TotalMilliseconds;
        UpdateTimings(Stopwatch.GetElapsedTime(start).TotalMilliseconds, renderMs, presentMs);
        return true;
    }

    public bool IsDisposed { get; private set; }

    public void Dispose()
    {
        if (IsDisposed) return;
        IsDisposed = true;
        Simulation.Dispose();
        // The presenter waits for the GPU before it goes, so the frame buffers its last frames read are free after it.
        Presenter?.Dispose();
        _compositor?.Dispose();
        foreach (GpuBuffer? frame in _frames) frame?.Dispose();
        _renderer.Dispose();
        _hud.Dispose();
        Context?.Dispose();
        Window.Dispose();
    }

    private void TakeLatestSnapshot()
    {
        if (!Simulation.Snapshots.TryTakeLatest()) return;
        ViewerSnapshot shown = Shown;
        if (shown.Frame < _lastFrame) _hud.Iterations.Clear(); // reset: a new run starts at frame 0
        if (shown.Frame > _lastFrame && shown.Metrics.TryGetValue("solve.iterations", out double iterations)) _hud.Iterations.Add(iterations);
        _lastFrame = shown.Frame;
    }

    private GpuBuffer FrameBuffer(int slot, int width, int height)
    {
        ulong bytes = (ulong)width * (ulong)height * 4;
        if (_frames[slot] is { } existing && existing.SizeInBytes == bytes) return existing;
        _frames[slot]?.Dispose();
        // Host-visible: the CPU renderer writes it directly; Storage for the HUD's composite; TransferSource for the presenter's copy;
        // TransferDestination for the GPU renderer's copy.
        _frames[slot] = Context.CreateBuffer(new BufferDescription(bytes, GpuBufferUsage.Storage | GpuBufferUsage.TransferSource | GpuBufferUsage.TransferDestination, HostVisible: true), $"viewer frame {slot}");
        return _frames[slot]!;
    }

    private void KeepFrame(GpuBuffer frame, int width, int height)
    {
        if (!KeepFrames && !_screenshotRequested) return;
        if (LastFrame.Length != width * height) LastFrame = new uint[width * height];
        frame.Download<uint>(LastFrame);
        if (!_screenshotRequested) return;
        _screenshotRequested = false;
        try
        {
            string directory = _options.ScreenshotDirectory ?? Directory.GetCurrentDirectory();
            LastScreenshot = ScreenshotWriter.Write(LastFrame, width, height, directory, Shown.SceneName, Shown.Frame);
            _hud.Message = $"screenshot: {LastScreenshot}";
        }
        catch (Core.Errors.PhysMLException e)
        {
            _hud.Message = e.ToString();
        }
    }

    private void UpdateTimings(double frameMs, double renderMs, double presentMs)
    {
        // Exponential smoothing over ~20 frames: readable numbers that still follow a change within a second.
        const double a = 0.05;
        double Smooth(double old, double now) => old == 0 ? now : old + a * (now - old);
        double frame = Smooth(_timings.FrameMs, frameMs);
        _timings = new HudTimings(frame > 0 ? 1000 / frame : 0, frame, Smooth(_timings.RenderMs, renderMs), Smooth(_timings.PresentMs, presentMs), Presenter.VSync);
    }
}
