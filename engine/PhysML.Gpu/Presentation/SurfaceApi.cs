using Silk.NET.Vulkan;

namespace PhysML.Gpu.Presentation;

/// <summary>
/// The VK_KHR_surface entry points, loaded by hand with vkGetInstanceProcAddr.
/// </summary>
/// <remarks>
/// Why by hand: Silk.NET.Vulkan.Extensions.KHR (the generated wrappers) is not served by our package feed; the structs
/// and enums it would use are in Silk.NET.Vulkan, so only these function pointers are ours. Signatures follow
/// vulkan_core.h.
/// </remarks>
internal sealed unsafe class SurfaceApi
{
    public SurfaceApi(Vk vk, Instance instance)
    {
        GetSupport = (delegate* unmanaged<PhysicalDevice, uint, SurfaceKHR, uint*, Result>)Load(vk, instance, "vkGetPhysicalDeviceSurfaceSupportKHR");
        GetCapabilities = (delegate* unmanaged<PhysicalDevice, SurfaceKHR, SurfaceCapabilitiesKHR*, Result>)Load(vk, instance, "vkGetPhysicalDeviceSurfaceCapabilitiesKHR");
        GetFormats = (delegate* unmanaged<PhysicalDevice, SurfaceKHR, uint*, SurfaceFormatKHR*, Result>)Load(vk, instance, "vkGetPhysicalDeviceSurfaceFormatsKHR");
        GetPresentModes = (delegate* unmanaged<PhysicalDevice, SurfaceKHR, uint*, PresentModeKHR*, Result>)Load(vk, instance, "vkGetPhysicalDeviceSurfacePresentModesKHR");
        Destroy = (delegate* unmanaged<Instance, SurfaceKHR, AllocationCallbacks*, void>)Load(vk, instance, "vkDestroySurfaceKHR");
    }

    public delegate* unmanaged<PhysicalDevice, uint, SurfaceKHR, uint*, Result> GetSupport { get; }

    public delegate* unmanaged<PhysicalDevice, SurfaceKHR, SurfaceCapabilitiesKHR*, Result> GetCapabilities { get; }

    public delegate* unmanaged<PhysicalDevice, SurfaceKHR, uint*, SurfaceFormatKHR*, Result> GetFormats { get; }

    public delegate* unmanaged<PhysicalDevice, SurfaceKHR, uint*, PresentModeKHR*, Result> GetPresentModes { get; }

    public delegate* unmanaged<Instance, SurfaceKHR, AllocationCallbacks*, void> Destroy { get; }

    public bool SupportsPresent(PhysicalDevice device, uint family, SurfaceKHR surface)
    {
        uint supported;
        VulkanException.Check(GetSupport(device, family, surface, &supported), "vkGetPhysicalDeviceSurfaceSupportKHR");
        return supported != 0;
    }

    public SurfaceFormatKHR[] Formats(PhysicalDevice device, SurfaceKHR surface)
    {
        uint count;
        VulkanException.Check(GetFormats(device, surface, &count, null), "vkGetPhysicalDeviceSurfaceFormatsKHR");
        var formats = new SurfaceFormatKHR[count];
        fixed (SurfaceFormatKHR* p = formats)
        {
            VulkanException.Check(GetFormats(device, surface, &count, p), "vkGetPhysicalDeviceSurfaceFormatsKHR");
        }

        return formats[..(int)count];
    }

    public PresentModeKHR[] PresentModes(PhysicalDevice device, SurfaceKHR surface)
    {
        uint count;
        VulkanException.Check(GetPresentModes(device, surface, &count, null), "vkGetPhysicalDeviceSurfacePresentModesKHR");
        var modes = new PresentModeKHR[count];
        fixed (PresentModeKHR* p = modes)
        {
            VulkanException.Check(GetPresentModes(device, surface, &count, p), "vkGetPhysicalDeviceSurfacePresentModesKHR");
        }

        return modes[..(int)count];
    }

    public SurfaceCapabilitiesKHR Capabilities(PhysicalDevice device, SurfaceKHR surface)
    {
        SurfaceCapabilitiesKHR capabilities;
        VulkanException.Check(GetCapabilities(device, surface, &capabilities), "vkGetPhysicalDeviceSurfaceCapabilitiesKHR");
        return capabilities;
    }

    internal static nint Load(Vk vk, Instance instance, string name)
    {
        nint function = (nint)vk.GetInstanceProcAddr(instance, name).Handle;
        if (function == 0)
        {
            throw new VulkanException(Result.ErrorExtensionNotPresent, $"vkGetInstanceProcAddr(\"{name}\")",
                "the instance was created without the extension that provides it");
        }

        return function;
    }
}
