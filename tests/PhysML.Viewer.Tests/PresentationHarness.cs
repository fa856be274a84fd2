using PhysML.Gpu;
using PhysML.Viewer.Glfw;
using PhysML.Viewer.Presentation;

namespace PhysML.Viewer.Tests;

/// <summary>A hidden window, a validated Vulkan context presenting to it and a presenter: what every window test starts from.</summary>
internal sealed class PresentationHarness : IDisposable
{
    public PresentationHarness(int width, int height, bool vsync = false)
    {
        Window = DisplayRetry.Open(() => new GlfwWindow(width, height, "PhysML viewer test", visible: false));
        try
        {
            Context = new VulkanContext(VulkanDeviceOptions.Validated with { Presentation = Window });
            Presenter = new SwapchainPresenter(Context, () => ForcedFramebufferSize ?? Window.FramebufferSize, vsync);
        }
        catch
        {
            Context?.Dispose();
            Window.Dispose();
            throw;
        }
    }

    public GlfwWindow Window { get; }

    /// <summary>Overrides the framebuffer size the presenter sees: (0, 0) is what GLFW reports for a minimised window
    /// under a window manager; Xvfb has none, so iconifying there does not change the size.</summary>
    public (int Width, int Height)? ForcedFramebufferSize { get; set; }

    public VulkanContext Context { get; }

    public SwapchainPresenter Presenter { get; }

    /// <summary>Presents <paramref name="buffer"/> and reads the swapchain image back, retrying once after a recreation.</summary>
    public (byte[] Rgba, int Width, int Height) PresentAndCapture(GpuBuffer buffer, int width, int height)
    {
        for (int attempt = 0; attempt < 3; attempt++)
        {
            Window.PollEvents();
            Presenter.CaptureNextFrame();
            if (Presenter.Present(buffer, width, height) == PresentOutcome.Presented && Presenter.TakeCapture() is { } capture)
            {
                return capture;
            }
        }

        throw new InvalidOperationException("three presents in a row did not present a frame");
    }

    public void Dispose()
    {
        Presenter.Dispose();
        Context.Dispose();
        Window.Dispose();
    }
}
