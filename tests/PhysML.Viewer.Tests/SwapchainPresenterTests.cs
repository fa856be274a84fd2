using PhysML.Gpu;
using PhysML.Viewer.Presentation;
using Silk.NET.Vulkan;

namespace PhysML.Viewer.Tests;

/// <summary>
/// The presenter on lavapipe under Xvfb, validation on: the picture read back from the swapchain image is the buffer
/// that was presented (channel order converted), resizing and minimising recreate or skip, vsync switches modes.
/// </summary>
[Collection(WindowCollection.Name)]
public sealed class SwapchainPresenterTests
{
    /// <summary>Distinct R, G and B per quadrant, so a swapped channel order or a flipped row order both fail.</summary>
    private static uint[] Quadrants(int width, int height)
    {
        var pixels = new uint[width * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                uint r = x < width / 2 ? 230u : 20u;
                uint g = y < height / 2 ? 200u : 40u;
                uint b = (x < width / 2) == (y < height / 2) ? 10u : 250u;
                pixels[y * width + x] = r | (g << 8) | (b << 16) | (255u << 24);
            }
        }

        return pixels;
    }

    private static GpuBuffer Upload(VulkanContext context, uint[] pixels)
    {
        GpuBuffer buffer = context.CreateBuffer(new BufferDescription((ulong)pixels.Length * 4, GpuBufferUsage.TransferSource, HostVisible: true), "test frame");
        buffer.Upload<uint>(pixels);
        return buffer;
    }

    [Fact]
    public void PresentedFrame_ReadBackFromSwapchain_EqualsTheBuffer()
    {
        using var harness = new PresentationHarness(96, 64);
        var pixels = Quadrants(96, 64);
        using GpuBuffer buffer = Upload(harness.Context, pixels);
        for (int i = 0; i < 5; i++)
        {
            harness.Window.PollEvents();
            harness.Presenter.Present(buffer, 96, 64);
        }

        (byte[] rgba, int width, int height) = harness.PresentAndCapture(buffer, 96, 64);

        Assert.Equal((96, 64), (width, height));
        Assert.Contains(harness.Presenter.ImageFormat, new[] { Format.B8G8R8A8Unorm, Format.R8G8B8A8Unorm });
        // Same size, nearest blit, UNORM to UNORM: exact, so the comparison has no tolerance.
        for (int p = 0; p < pixels.Length; p++)
        {
            uint got = (uint)(rgba[4 * p] | (rgba[4 * p + 1] << 8) | (rgba[4 * p + 2] << 16)) | (255u << 24);
            Assert.True(got == pixels[p], $"pixel {p % 96},{p / 96}: 0x{got:X8}, expected 0x{pixels[p]:X8}");
        }

        Assert.True(harness.Presenter.FramesPresented >= 6);
        Assert.Empty(harness.Context.ValidationMessages);
    }

    [Fact]
    public void ResizeAndMinimise_RecreateOrSkip_AndPresentingResumes()
    {
        using var harness = new PresentationHarness(80, 60);
        var pixels = Quadrants(80, 60);
        using GpuBuffer buffer = Upload(harness.Context, pixels);
        harness.PresentAndCapture(buffer, 80, 60);
        int generations = harness.Presenter.SwapchainGenerations;

        harness.Window.Resize(120, 90);
        // Xvfb has no window manager to delay the resize, but the event still arrives asynchronously: poll until seen.
        for (int i = 0; i < 100 && harness.Window.FramebufferSize != (120, 90); i++)
        {
            harness.Window.WaitEvents(TimeSpan.FromMilliseconds(10));
        }

        (byte[] rgba, int width, int height) = harness.PresentAndCapture(buffer, 80, 60);
        Assert.Equal((120, 90), (width, height));
        Assert.True(harness.Presenter.SwapchainGenerations > generations, "a resize must recreate the swapchain");
        // Scaled 1.5× with a linear filter: the top-left pixel is still the top-left quadrant's colour exactly.
        Assert.Equal((230, 200, 10), (rgba[0], rgba[1], rgba[2]));

        // Minimised: a zero-area framebuffer. The presenter skips instead of failing, and resumes when it comes back.
        harness.ForcedFramebufferSize = (0, 0);
        Assert.Equal(PresentOutcome.SkippedMinimised, harness.Presenter.Present(buffer, 80, 60));
        Assert.Equal(PresentOutcome.SkippedMinimised, harness.Presenter.Present(buffer, 80, 60));
        harness.ForcedFramebufferSize = null;
        harness.Window.Iconify();
        harness.Window.WaitEvents(TimeSpan.FromMilliseconds(20));
        harness.Window.Restore();
        harness.Window.WaitEvents(TimeSpan.FromMilliseconds(20));
        Assert.Equal((120, 90), (harness.PresentAndCapture(buffer, 80, 60).Width, height));
        Assert.Empty(harness.Context.ValidationMessages);
    }

    [Fact]
    public void OutOfDateSwapchain_IsRecreatedFromTheAcquireOrPresentResult()
    {
        using var harness = new PresentationHarness(80, 60);
        using GpuBuffer buffer = Upload(harness.Context, Quadrants(80, 60));
        harness.PresentAndCapture(buffer, 80, 60);
        // The presenter keeps seeing the old size, so only Vulkan's VK_ERROR_OUT_OF_DATE_KHR / VK_SUBOPTIMAL_KHR can
        // tell it that the window changed: what a resize looks like when the callback comes late.
        harness.ForcedFramebufferSize = (80, 60);
        harness.Window.Resize(120, 90);
        for (int i = 0; i < 100 && harness.Window.FramebufferSize != (120, 90); i++)
        {
            harness.Window.WaitEvents(TimeSpan.FromMilliseconds(10));
        }

        var outcomes = new List<PresentOutcome>();
        for (int i = 0; i < 4; i++)
        {
            outcomes.Add(harness.Presenter.Present(buffer, 80, 60));
        }

        Assert.True(harness.Presenter.OutOfDateResults > 0, $"no out-of-date or suboptimal result in {string.Join(", ", outcomes)}");
        Assert.True(harness.Presenter.SwapchainGenerations >= 2);
        Assert.Equal((120, 90), harness.Presenter.Extent);
        Assert.Equal(PresentOutcome.Presented, outcomes[^1]);
        Assert.Empty(harness.Context.ValidationMessages);
    }

    [Fact]
    public void VSyncOff_PicksMailboxOrImmediate_AndOnPicksFifo()
    {
        using var harness = new PresentationHarness(64, 64, vsync: true);
        using GpuBuffer buffer = Upload(harness.Context, Quadrants(64, 64));
        harness.PresentAndCapture(buffer, 64, 64);
        Assert.Equal(PresentModeKHR.FifoKhr, harness.Presenter.PresentMode);

        harness.Presenter.VSync = false;
        harness.PresentAndCapture(buffer, 64, 64);
        Assert.Equal(SwapchainPresenter.ChoosePresentMode(harness.Presenter.SupportedPresentModes.ToArray(), vsync: false), harness.Presenter.PresentMode);
        Assert.Equal(2, harness.Presenter.SwapchainGenerations);
        Assert.Empty(harness.Context.ValidationMessages);
    }

    [Fact]
    public void ChoosePresentMode_FallsBackInOrder()
    {
        Assert.Equal(PresentModeKHR.FifoKhr, SwapchainPresenter.ChoosePresentMode([PresentModeKHR.MailboxKhr, PresentModeKHR.FifoKhr], vsync: true));
        Assert.Equal(PresentModeKHR.MailboxKhr, SwapchainPresenter.ChoosePresentMode([PresentModeKHR.ImmediateKhr, PresentModeKHR.MailboxKhr, PresentModeKHR.FifoKhr], vsync: false));
        Assert.Equal(PresentModeKHR.ImmediateKhr, SwapchainPresenter.ChoosePresentMode([PresentModeKHR.ImmediateKhr, PresentModeKHR.FifoKhr], vsync: false));
        Assert.Equal(PresentModeKHR.FifoKhr, SwapchainPresenter.ChoosePresentMode([PresentModeKHR.FifoKhr], vsync: false));
    }
}
