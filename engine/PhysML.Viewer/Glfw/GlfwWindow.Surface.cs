using PhysML.Core.Errors;

namespace PhysML.Viewer.Glfw;

public sealed unsafe partial class GlfwWindow
{
    IReadOnlyList<string> PhysML.Gpu.Presentation.IPresentationSurface.RequiredInstanceExtensions => RequiredInstanceExtensions();

    /// <summary>glfwCreateWindowSurface for this window on <paramref name="instance"/>; the VulkanContext owns the surface.</summary>
    public ulong CreateSurface(nint instance)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        ulong surface;
        int result = GlfwNative.CreateWindowSurface(instance, _window, 0, &surface);
        if (result != 0)
        {
            GlfwException cause = LastError($"glfwCreateWindowSurface returned VkResult {result}");
            throw new PhysMLException(ErrorCodes.PresentationUnavailable, ErrorCategory.Internal,
                $"Vulkan cannot present to this window: {cause.Message} Install a Vulkan driver with window-system support "
                + "(scripts/bootstrap.sh installs mesa-vulkan-drivers) and check DISPLAY.", cause);
        }

        return surface;
    }
}
