using PhysML.Viewer.Glfw;

namespace PhysML.Platform.Tests;

/// <summary>
/// The hand-written GLFW binding loads libglfw.so.3, talks to an X server and sees Vulkan: what the viewer's
/// swapchain will be built on.
/// </summary>
[Collection(NativePlatformCollection.Name)]
public sealed class GlfwSmokeTests : IClassFixture<XvfbDisplay>
{
    private readonly XvfbDisplay _display;

    public GlfwSmokeTests(XvfbDisplay display)
    {
        _display = display;
    }

    [Fact]
    public void HiddenWindow_IsCreatedAndDestroyed()
    {
        var window = new GlfwWindow(320, 240, "PhysML GLFW smoke test", visible: false);
        try
        {
            Assert.False(window.IsDisposed);
            Assert.False(window.ShouldClose);
            window.PollEvents();
            (int width, int height) = window.FramebufferSize;
            Assert.True(width > 0 && height > 0, $"framebuffer {width}x{height} on display {_display.Display}");
        }
        finally
        {
            window.Dispose();
        }

        Assert.True(window.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => window.PollEvents());
    }

    [Fact]
    public void Vulkan_IsSupported_WithSurfaceExtensions()
    {
        using var window = new GlfwWindow(64, 64, "PhysML GLFW Vulkan check", visible: false);

        Assert.True(window.VulkanSupported,
            $"glfwVulkanSupported is false on display {_display.Display}: no Vulkan loader or ICD. Run scripts/bootstrap.sh.");
        IReadOnlyList<string> extensions = window.RequiredInstanceExtensions();
        Assert.Contains("VK_KHR_surface", extensions);
        // On X11 GLFW asks for one of the two X surface extensions as well.
        Assert.Contains(extensions, e => e is "VK_KHR_xcb_surface" or "VK_KHR_xlib_surface" or "VK_KHR_wayland_surface");
    }
}
