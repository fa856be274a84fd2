using System.Runtime.InteropServices;
using PhysML.Core.Errors;
using PhysML.Gpu.Presentation;
using Silk.NET.Vulkan;

namespace PhysML.Gpu;

public sealed unsafe partial class VulkanContext
{
    private const string SwapchainExtensionName = "VK_KHR_swapchain";

    private SurfaceKHR _surface;
    private SurfaceApi? _surfaceApi;

    /// <summary>True when the context was created with <see cref="VulkanDeviceOptions.Presentation"/>: it has a window
    /// surface, its queue can present to it, and VK_KHR_swapchain is enabled.</summary>
    public bool CanPresentToSurface => _surface.Handle != 0;

    internal SurfaceKHR Surface => _surface;

    internal SurfaceApi? SurfaceApi => _surfaceApi;

    internal PhysicalDevice PhysicalDevice => _physicalDevice;

    private void CreatePresentationSurface(IPresentationSurface? presentation)
    {
        if (presentation is null)
        {
            return;
        }

        _surfaceApi = new SurfaceApi(_vk, _instance);
        ulong surface = presentation.CreateSurface(_instance.Handle);
        if (surface == 0)
        {
            throw new PhysMLException(ErrorCodes.PresentationUnavailable, ErrorCategory.Internal,
                "the window system returned no Vulkan surface for the window; " + PresentationRemedy);
        }

        _surface = new SurfaceKHR(surface);
    }

    private void DestroyPresentationSurface()
    {
        // After the device (the swapchain, a child of both, is gone by then) and before the instance that owns it.
        if (_surface.Handle != 0 && _surfaceApi is not null)
        {
            _surfaceApi.Destroy(_instance, _surface, null);
            _surface = default;
        }
    }

    /// <summary>The family can present to the surface and the device has VK_KHR_swapchain.</summary>
    private bool CanPresent(PhysicalDevice device, uint family) =>
        _surfaceApi!.SupportsPresent(device, family, _surface) && DeviceExtensionNames(device).Contains(SwapchainExtensionName);

    private string[] DeviceExtensions() => _surface.Handle != 0 ? [SwapchainExtensionName] : [];

    private string[] DeviceExtensionNames(PhysicalDevice device)
    {
        uint count = 0;
        VulkanException.Check(_vk.EnumerateDeviceExtensionProperties(device, (byte*)null, &count, null));
        var properties = new ExtensionProperties[count];
        fixed (ExtensionProperties* p = properties)
        {
            VulkanException.Check(_vk.EnumerateDeviceExtensionProperties(device, (byte*)null, &count, p));
        }

        var names = new string[count];
        for (int i = 0; i < count; i++)
        {
            fixed (byte* name = properties[i].ExtensionName)
            {
                names[i] = Marshal.PtrToStringUTF8((nint)name) ?? "";
            }
        }

        return names;
    }

    private const string PresentationRemedy =
        "check DISPLAY points at a running X server (or run under xvfb-run -a) and that a Vulkan driver with window-system support is installed (scripts/bootstrap.sh installs mesa-vulkan-drivers)";

    private static PhysMLException NoPresentableDevice(uint count) => new(ErrorCodes.PresentationUnavailable, ErrorCategory.Internal,
        $"none of the {count} Vulkan device(s) has a graphics+compute queue that can present to the window with VK_KHR_swapchain; {PresentationRemedy}");
}
