using PhysML.Gpu;
using PhysML.Gpu.Presentation;
using Silk.NET.Vulkan;

namespace PhysML.Viewer.Presentation;

/// <summary>
/// Shows packed RGBA8 frames (the renderer's contract: R in the lowest byte, row-major, top row first) in a window
/// through a Vulkan swapchain: each frame is copied into an intermediate R8G8B8A8 image, then vkCmdBlitImage converts
/// it to the swapchain's format (often B8G8R8A8) and scales it to the window, and the image is presented.
/// </summary>
/// <remarks>
/// <para>Two frames in flight, each with its own command buffer, fence, acquire semaphore and intermediate image; a
/// render-finished semaphore per swapchain image (the presentation engine may hold one until that image returns).</para>
/// <para>Resize (the framebuffer-size callback calls <see cref="Invalidate"/>), VK_ERROR_OUT_OF_DATE_KHR and
/// VK_SUBOPTIMAL_KHR recreate the swapchain; a 0×0 framebuffer (minimised) skips the frame. Vsync on is FIFO (always
/// available); off is MAILBOX, else IMMEDIATE, else FIFO.</para>
/// <para>The caller's buffer must not be rewritten while the GPU reads it: call <see cref="BeginFrame"/> first and
/// write the slot's buffer it names (one buffer per slot), or use one buffer and accept the wait.</para>
/// </remarks>
public sealed unsafe partial class SwapchainPresenter : IDisposable
{
    /// <summary>Frames the CPU may record ahead of the GPU: two overlap recording with presenting without adding lag.</summary>
    public const int FramesInFlight = 2;

    private readonly VulkanContext _context;
    private readonly SwapchainApi _api;
    private readonly SurfaceApi _surfaceApi;
    private readonly Func<(int Width, int Height)> _framebufferSize;
    private readonly FrameSlot[] _slots = new FrameSlot[FramesInFlight];
    private int _slot;
    private bool _slotWaited;
    private bool _stale;
    private bool _captureNext;
    private FrameSlot? _captureSlot;

    /// <summary>Creates the swapchain for <paramref name="context"/>'s surface.</summary>
    /// <param name="context">A context created with <see cref="VulkanDeviceOptions.Presentation"/>.</param>
    /// <param name="framebufferSize">The window's framebuffer size in pixels, read at every (re)creation.</param>
    /// <param name="vsync">FIFO when true; MAILBOX or IMMEDIATE when false (where the surface offers them).</param>
    public SwapchainPresenter(VulkanContext context, Func<(int Width, int Height)> framebufferSize, bool vsync = true)
    {
        if (!context.CanPresentToSurface || context.SurfaceApi is null)
        {
            throw new ArgumentException("the VulkanContext was created without VulkanDeviceOptions.Presentation", nameof(context));
        }

        _context = context;
        _framebufferSize = framebufferSize;
        _surfaceApi = context.SurfaceApi;
        VSync = vsync;
        try
        {
            _api = new SwapchainApi(context.Vk, context.Device);
            for (int i = 0; i < FramesInFlight; i++)
            {
                _slots[i] = new FrameSlot(context);
            }

            CreateSwapchain();
        }
        catch
        {
            Dispose();
            throw;
        }

        context.Own(this);
    }

    /// <summary>Whether presentation waits for vertical blank; changing it recreates the swapchain before the next frame.</summary>
    public bool VSync
    {
        get;
        set
        {
            if (field != value)
            {
                field = value;
                _stale = true;
            }
        }
    }

    /// <summary>The swapchain's pixel format, e.g. B8G8R8A8Unorm on X11.</summary>
    public Format ImageFormat { get; private set; }

    /// <summary>The present mode in use: Fifo with vsync, Mailbox or Immediate without.</summary>
    public PresentModeKHR PresentMode { get; private set; }

    /// <summary>The swapchain images' size in pixels (0×0 while minimised).</summary>
    public (int Width, int Height) Extent { get; private set; }

    /// <summary>How many times the swapchain was created (1 after construction); tests read it after a resize.</summary>
    public int SwapchainGenerations { get; private set; }

    /// <summary>Out-of-date or suboptimal results from acquire or present so far (each led to a recreation).</summary>
    public int OutOfDateResults { get; private set; }

    /// <summary>Frames presented so far.</summary>
    public long FramesPresented { get; private set; }

    public bool IsDisposed { get; private set; }

    /// <summary>The window changed size (or vsync changed): recreate the swapchain before the next frame.</summary>
    public void Invalidate() => _stale = true;

    /// <summary>Waits until the next frame slot's previous frame has finished on the GPU and returns the slot index
    /// (0..<see cref="FramesInFlight"/>-1), so a caller with one buffer per slot may now overwrite that slot's buffer.</summary>
    public int BeginFrame()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (!_slotWaited)
        {
            _slots[_slot].Wait();
            _slotWaited = true;
        }

        return _slot;
    }

    /// <summary>Makes the next presented frame also copy the swapchain image back; read it with <see cref="TakeCapture"/>.</summary>
    public void CaptureNextFrame() => _captureNext = true;

    /// <summary>Copies <paramref name="rgba8"/> (width×height packed RGBA8, top row first) to the window and presents it.</summary>
    /// <exception cref="ArgumentException">The buffer is smaller than width×height×4 bytes or was not made a copy source.</exception>
    public PresentOutcome Present(GpuBuffer rgba8, int width, int height)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (rgba8.SizeInBytes < (ulong)width * (ulong)height * 4)
        {
            throw new ArgumentException($"{rgba8} holds fewer than {width}×{height} RGBA8 pixels.", nameof(rgba8));
        }

        if ((rgba8.Description.Usage & GpuBufferUsage.TransferSource) == 0 && rgba8.Description.HostVisible)
        {
            throw new ArgumentException($"{rgba8} was not created with GpuBufferUsage.TransferSource.", nameof(rgba8));
        }

        (int fbWidth, int fbHeight) = _framebufferSize();
        if (fbWidth == 0 || fbHeight == 0)
        {
            return PresentOutcome.SkippedMinimised;
        }

        // Compared with the size the swapchain was made for, not its extent: the surface decides the extent, and a
        // mismatch it keeps reporting must not recreate every frame.
        if (_stale || _createdFor != (fbWidth, fbHeight))
        {
            Recreate();
            if (Extent.Width == 0 || Extent.Height == 0)
            {
                return PresentOutcome.SkippedMinimised;
            }
        }

        FrameSlot slot = _slots[BeginFrame()];
        uint imageIndex;
        Result acquired = _api.AcquireNextImage(_context.Device, _swapchain, ulong.MaxValue, slot.ImageAcquired, default, &imageIndex);
        if (acquired == Result.ErrorOutOfDateKhr)
        {
            OutOfDateResults++;
            Recreate();
            return PresentOutcome.SwapchainRecreated;
        }

        if (acquired == Result.SuboptimalKhr)
        {
            OutOfDateResults++;
            // The image is still usable: show this frame, recreate before the next.
            _stale = true;
        }
        else
        {
            VulkanException.Check(acquired, "vkAcquireNextImageKHR");
        }

        slot.EnsureStaging(width, height);
        bool capture = _captureNext;
        _captureNext = false;
        RecordFrame(slot, rgba8, width, height, imageIndex, capture);
        Submit(slot, imageIndex);
        Result presented = QueuePresent(imageIndex);
        _slot = (_slot + 1) % FramesInFlight;
        _slotWaited = false;
        if (capture)
        {
            _captureSlot = slot;
        }

        FramesPresented++;
        if (presented is Result.ErrorOutOfDateKhr or Result.SuboptimalKhr)
        {
            OutOfDateResults++;
            _stale = true;
            return PresentOutcome.Presented;
        }

        VulkanException.Check(presented, "vkQueuePresentKHR");
        return PresentOutcome.Presented;
    }

    /// <summary>
    /// The frame captured after <see cref="CaptureNextFrame"/> as packed RGBA8 (R lowest byte, top row first) at
    /// <see cref="Extent"/>, read back from the swapchain image itself; null when no capture is pending.
    /// </summary>
    public (byte[] Rgba, int Width, int Height)? TakeCapture()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (_captureSlot is not { Capture: { } buffer } slot || !slot.CaptureRecorded)
        {
            return null;
        }

        slot.Wait();
        var bytes = new byte[checked((int)buffer.SizeInBytes)];
        buffer.Download<byte>(bytes);
        slot.CaptureRecorded = false;
        _captureSlot = null;
        if (ImageFormat is Format.B8G8R8A8Unorm or Format.B8G8R8A8Srgb)
        {
            for (int i = 0; i < bytes.Length; i += 4)
            {
                (bytes[i], bytes[i + 2]) = (bytes[i + 2], bytes[i]);
            }
        }

        return (bytes, _captureSize.Width, _captureSize.Height);
    }

    /// <summary>Waits for the GPU, then destroys the swapchain and the frame slots (the surface belongs to the context).</summary>
    public void Dispose()
    {
        if (IsDisposed)
        {
            return;
        }

        IsDisposed = true;
        if (_context.IsDisposed)
        {
            return;
        }

        // Not checked: a lost device must still tear down.
        _context.Vk.DeviceWaitIdle(_context.Device);
        DestroySwapchain(destroyHandle: true);
        foreach (FrameSlot? slot in _slots)
        {
            slot?.Dispose();
        }

        _context.Release(this);
    }
}
