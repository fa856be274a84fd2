using Silk.NET.Vulkan;
using Semaphore = Silk.NET.Vulkan.Semaphore;

namespace PhysML.Gpu.Presentation;

/// <summary>The VK_KHR_swapchain entry points, loaded by hand with vkGetDeviceProcAddr (see <see cref="SurfaceApi"/> for why).</summary>
internal sealed unsafe class SwapchainApi
{
    public SwapchainApi(Vk vk, Device device)
    {
        Create = (delegate* unmanaged<Device, SwapchainCreateInfoKHR*, AllocationCallbacks*, SwapchainKHR*, Result>)Load(vk, device, "vkCreateSwapchainKHR");
        Destroy = (delegate* unmanaged<Device, SwapchainKHR, AllocationCallbacks*, void>)Load(vk, device, "vkDestroySwapchainKHR");
        GetImages = (delegate* unmanaged<Device, SwapchainKHR, uint*, Image*, Result>)Load(vk, device, "vkGetSwapchainImagesKHR");
        AcquireNextImage = (delegate* unmanaged<Device, SwapchainKHR, ulong, Semaphore, Fence, uint*, Result>)Load(vk, device, "vkAcquireNextImageKHR");
        QueuePresent = (delegate* unmanaged<Queue, PresentInfoKHR*, Result>)Load(vk, device, "vkQueuePresentKHR");
    }

    public delegate* unmanaged<Device, SwapchainCreateInfoKHR*, AllocationCallbacks*, SwapchainKHR*, Result> Create { get; }

    public delegate* unmanaged<Device, SwapchainKHR, AllocationCallbacks*, void> Destroy { get; }

    public delegate* unmanaged<Device, SwapchainKHR, uint*, Image*, Result> GetImages { get; }

    public delegate* unmanaged<Device, SwapchainKHR, ulong, Semaphore, Fence, uint*, Result> AcquireNextImage { get; }

    public delegate* unmanaged<Queue, PresentInfoKHR*, Result> QueuePresent { get; }

    private static nint Load(Vk vk, Device device, string name)
    {
        nint function = (nint)vk.GetDeviceProcAddr(device, name).Handle;
        if (function == 0)
        {
            throw new VulkanException(Result.ErrorExtensionNotPresent, $"vkGetDeviceProcAddr(\"{name}\")",
                "the device was created without VK_KHR_swapchain");
        }

        return function;
    }
}
