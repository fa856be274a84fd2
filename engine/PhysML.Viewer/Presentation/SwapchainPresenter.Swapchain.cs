using PhysML.Core.Errors;
using PhysML.Gpu;
using Silk.NET.Vulkan;
using Semaphore = Silk.NET.Vulkan.Semaphore;

namespace PhysML.Viewer.Presentation;

public sealed unsafe partial class SwapchainPresenter
{
    private SwapchainKHR _swapchain;
    private Image[] _images = [];
    private Semaphore[] _renderFinished = [];
    private bool _canCapture;

    /// <summary>The present modes the surface offers (FIFO is always among them).</summary>
    public IReadOnlyList<PresentModeKHR> SupportedPresentModes { get; private set; } = [];
    private (int Width, int Height) _captureSize;
    private (int Width, int Height) _createdFor;

    private void Recreate()
    {
        // Every frame in flight may still use the old images and semaphores; recreation is rare (resize, vsync), so a
        // full wait is simpler than deferring each destruction to its frame's fence.
        VulkanException.Check(_context.Vk.DeviceWaitIdle(_context.Device));
        foreach (FrameSlot slot in _slots)
        {
            // An acquire abandoned on VK_ERROR_OUT_OF_DATE_KHR leaves no signal pending, but a replaced swapchain's
            // acquire might: fresh semaphores keep the validation layer's bookkeeping exact.
            slot.ReplaceAcquireSemaphore();
        }

        CreateSwapchain();
    }

    private void CreateSwapchain()
    {
        PhysicalDevice physical = _context.PhysicalDevice;
        SurfaceKHR surface = _context.Surface;
        SurfaceCapabilitiesKHR capabilities = _surfaceApi.Capabilities(physical, surface);
        (int fbWidth, int fbHeight) = _framebufferSize();
        _createdFor = (fbWidth, fbHeight);
        // 0xFFFFFFFF means the surface takes the swapchain's size: use the framebuffer's, within the surface's limits.
        uint width = capabilities.CurrentExtent.Width != uint.MaxValue
            ? capabilities.CurrentExtent.Width
            : Math.Clamp((uint)Math.Max(fbWidth, 0), capabilities.MinImageExtent.Width, capabilities.MaxImageExtent.Width);
        uint height = capabilities.CurrentExtent.Height != uint.MaxValue
            ? capabilities.CurrentExtent.Height
            : Math.Clamp((uint)Math.Max(fbHeight, 0), capabilities.MinImageExtent.Height, capabilities.MaxImageExtent.Height);
        _stale = false;
        if (width == 0 || height == 0 || fbWidth == 0 || fbHeight == 0)
        {
            // Minimised: a swapchain cannot have a zero extent. Keep the old one (if any) until the window comes back.
            Extent = (0, 0);
            return;
        }

        SurfaceFormatKHR format = ChooseFormat(_surfaceApi.Formats(physical, surface));
        RequireBlitTarget(format.Format);
        SupportedPresentModes = _surfaceApi.PresentModes(physical, surface);
        PresentMode = ChoosePresentMode(SupportedPresentModes.ToArray(), VSync);
        _canCapture = (capabilities.SupportedUsageFlags & ImageUsageFlags.TransferSrcBit) != 0;
        uint imageCount = capabilities.MinImageCount + 1;
        if (capabilities.MaxImageCount != 0)
        {
            imageCount = Math.Min(imageCount, capabilities.MaxImageCount);
        }

        SwapchainKHR old = _swapchain;
        var info = new SwapchainCreateInfoKHR
        {
            SType = StructureType.SwapchainCreateInfoKhr,
            Surface = surface,
            MinImageCount = imageCount,
            ImageFormat = format.Format,
            ImageColorSpace = format.ColorSpace,
            ImageExtent = new Extent2D(width, height),
            ImageArrayLayers = 1,
            // Written by a blit only; read back by captures when the surface allows it.
            ImageUsage = ImageUsageFlags.TransferDstBit | (_canCapture ? ImageUsageFlags.TransferSrcBit : 0),
            ImageSharingMode = SharingMode.Exclusive,
            PreTransform = capabilities.CurrentTransform,
            CompositeAlpha = ChooseCompositeAlpha(capabilities.SupportedCompositeAlpha),
            PresentMode = PresentMode,
            Clipped = true,
            OldSwapchain = old,
        };
        SwapchainKHR swapchain;
        VulkanException.Check(_api.Create(_context.Device, &info, null, &swapchain), "vkCreateSwapchainKHR");
        DestroySwapchain(destroyHandle: true);
        _swapchain = swapchain;
        ImageFormat = format.Format;
        Extent = ((int)width, (int)height);
        SwapchainGenerations++;

        uint count;
        VulkanException.Check(_api.GetImages(_context.Device, _swapchain, &count, null), "vkGetSwapchainImagesKHR");
        _images = new Image[count];
        fixed (Image* p = _images)
        {
            VulkanException.Check(_api.GetImages(_context.Device, _swapchain, &count, p), "vkGetSwapchainImagesKHR");
        }

        _renderFinished = new Semaphore[count];
        var semaphoreInfo = new SemaphoreCreateInfo { SType = StructureType.SemaphoreCreateInfo };
        for (int i = 0; i < count; i++)
        {
            Semaphore semaphore;
            VulkanException.Check(_context.Vk.CreateSemaphore(_context.Device, &semaphoreInfo, null, &semaphore));
            _renderFinished[i] = semaphore;
        }
    }

    private void DestroySwapchain(bool destroyHandle)
    {
        foreach (Semaphore semaphore in _renderFinished)
        {
            _context.Vk.DestroySemaphore(_context.Device, semaphore, null);
        }

        _renderFinished = [];
        _images = [];
        if (destroyHandle && _swapchain.Handle != 0)
        {
            _api.Destroy(_context.Device, _swapchain, null);
            _swapchain = default;
        }
    }

    /// <summary>UNORM first: the frames are already sRGB-encoded colours, and an _SRGB image would encode them again.</summary>
    private static SurfaceFormatKHR ChooseFormat(SurfaceFormatKHR[] formats)
    {
        foreach (Format wanted in new[] { Format.B8G8R8A8Unorm, Format.R8G8B8A8Unorm })
        {
            foreach (SurfaceFormatKHR format in formats)
            {
                if (format.Format == wanted)
                {
                    return format;
                }
            }
        }

        return formats.Length > 0
            ? formats[0]
            : throw new PhysMLException(ErrorCodes.PresentationUnavailable, ErrorCategory.Internal, "the window surface offers no pixel format");
    }

    internal static PresentModeKHR ChoosePresentMode(PresentModeKHR[] modes, bool vsync)
    {
        if (vsync)
        {
            return PresentModeKHR.FifoKhr;
        }

        // Mailbox: no tearing and no waiting; Immediate: no waiting but may tear; FIFO is the one every surface has.
        return modes.Contains(PresentModeKHR.MailboxKhr) ? PresentModeKHR.MailboxKhr
            : modes.Contains(PresentModeKHR.ImmediateKhr) ? PresentModeKHR.ImmediateKhr
            : PresentModeKHR.FifoKhr;
    }

    private static CompositeAlphaFlagsKHR ChooseCompositeAlpha(CompositeAlphaFlagsKHR supported)
    {
        foreach (CompositeAlphaFlagsKHR flag in new[] { CompositeAlphaFlagsKHR.OpaqueBitKhr, CompositeAlphaFlagsKHR.InheritBitKhr, CompositeAlphaFlagsKHR.PreMultipliedBitKhr, CompositeAlphaFlagsKHR.PostMultipliedBitKhr })
        {
            if ((supported & flag) != 0)
            {
                return flag;
            }
        }

        return CompositeAlphaFlagsKHR.OpaqueBitKhr;
    }

    private void RequireBlitTarget(Format format)
    {
        FormatProperties properties;
        _context.Vk.GetPhysicalDeviceFormatProperties(_context.PhysicalDevice, format, &properties);
        if ((properties.OptimalTilingFeatures & FormatFeatureFlags.BlitDstBit) == 0)
        {
            throw new PhysMLException(ErrorCodes.PresentationUnavailable, ErrorCategory.Internal,
                $"{_context.DeviceName} cannot blit into the window's {format} images; use another Vulkan driver");
        }
    }
}
