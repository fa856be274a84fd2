using PhysML.Gpu;
using Silk.NET.Vulkan;
using Semaphore = Silk.NET.Vulkan.Semaphore;

namespace PhysML.Viewer.Presentation;

/// <summary>
/// What one frame in flight owns: its command buffer, the fence the CPU waits on before reusing them, the semaphore
/// the acquire signals, and the intermediate R8G8B8A8 image the caller's buffer is copied into before the blit.
/// </summary>
internal sealed unsafe class FrameSlot : IDisposable
{
    private readonly VulkanContext _context;

    public FrameSlot(VulkanContext context)
    {
        _context = context;
        Vk vk = context.Vk;
        var poolInfo = new CommandPoolCreateInfo
        {
            SType = StructureType.CommandPoolCreateInfo,
            Flags = CommandPoolCreateFlags.ResetCommandBufferBit,
            QueueFamilyIndex = context.ComputeQueueFamily,
        };
        CommandPool pool;
        VulkanException.Check(vk.CreateCommandPool(context.Device, &poolInfo, null, &pool));
        Pool = pool;
        var allocate = new CommandBufferAllocateInfo
        {
            SType = StructureType.CommandBufferAllocateInfo,
            CommandPool = pool,
            Level = CommandBufferLevel.Primary,
            CommandBufferCount = 1,
        };
        CommandBuffer commands;
        VulkanException.Check(vk.AllocateCommandBuffers(context.Device, &allocate, &commands));
        Commands = commands;
        // Signalled: the first wait on a slot that never ran must not block.
        var fenceInfo = new FenceCreateInfo { SType = StructureType.FenceCreateInfo, Flags = FenceCreateFlags.SignaledBit };
        Fence fence;
        VulkanException.Check(vk.CreateFence(context.Device, &fenceInfo, null, &fence));
        Fence = fence;
        var semaphoreInfo = new SemaphoreCreateInfo { SType = StructureType.SemaphoreCreateInfo };
        Semaphore acquired;
        VulkanException.Check(vk.CreateSemaphore(context.Device, &semaphoreInfo, null, &acquired));
        ImageAcquired = acquired;
    }

    public CommandPool Pool { get; private set; }

    public CommandBuffer Commands { get; }

    public Fence Fence { get; private set; }

    public Semaphore ImageAcquired { get; private set; }

    public Image Staging { get; private set; }

    public (int Width, int Height) StagingSize { get; private set; }

    /// <summary>When a capture was recorded into this slot: the swapchain format's bytes of the presented image.</summary>
    public GpuBuffer? Capture { get; set; }

    public bool CaptureRecorded { get; set; }

    private DeviceMemory _stagingMemory;

    /// <summary>Blocks until the GPU finished this slot's last frame.</summary>
    public void Wait()
    {
        Fence fence = Fence;
        VulkanException.Check(_context.Vk.WaitForFences(_context.Device, 1, &fence, true, ulong.MaxValue));
    }

    /// <summary>(Re)creates the intermediate image at the caller's buffer size; call after <see cref="Wait"/>.</summary>
    public void EnsureStaging(int width, int height)
    {
        if (StagingSize == (width, height) && Staging.Handle != 0)
        {
            return;
        }

        DestroyStaging();
        Vk vk = _context.Vk;
        var info = new ImageCreateInfo
        {
            SType = StructureType.ImageCreateInfo,
            ImageType = ImageType.Type2D,
            // The renderer's packed RGBA8 with R in the lowest byte is exactly R8G8B8A8 in memory; the blit then converts
            // to whatever channel order the swapchain uses.
            Format = Format.R8G8B8A8Unorm,
            Extent = new Extent3D((uint)width, (uint)height, 1),
            MipLevels = 1,
            ArrayLayers = 1,
            Samples = SampleCountFlags.Count1Bit,
            Tiling = ImageTiling.Optimal,
            Usage = ImageUsageFlags.TransferDstBit | ImageUsageFlags.TransferSrcBit,
            SharingMode = SharingMode.Exclusive,
            InitialLayout = ImageLayout.Undefined,
        };
        Image image;
        VulkanException.Check(vk.CreateImage(_context.Device, &info, null, &image));
        Staging = image;
        MemoryRequirements requirements;
        vk.GetImageMemoryRequirements(_context.Device, image, &requirements);
        var allocate = new MemoryAllocateInfo
        {
            SType = StructureType.MemoryAllocateInfo,
            AllocationSize = requirements.Size,
            MemoryTypeIndex = _context.FindMemoryType(requirements.MemoryTypeBits, MemoryPropertyFlags.DeviceLocalBit),
        };
        DeviceMemory memory;
        VulkanException.Check(vk.AllocateMemory(_context.Device, &allocate, null, &memory));
        _stagingMemory = memory;
        VulkanException.Check(vk.BindImageMemory(_context.Device, image, memory, 0));
        StagingSize = (width, height);
    }

    public void Dispose()
    {
        Vk vk = _context.Vk;
        DestroyStaging();
        Capture?.Dispose();
        Capture = null;
        if (ImageAcquired.Handle != 0) vk.DestroySemaphore(_context.Device, ImageAcquired, null);
        if (Fence.Handle != 0) vk.DestroyFence(_context.Device, Fence, null);
        if (Pool.Handle != 0) vk.DestroyCommandPool(_context.Device, Pool, null);
        ImageAcquired = default;
        Fence = default;
        Pool = default;
    }

    /// <summary>A semaphore whose acquire was abandoned (out of date) may still be pending: replace it.</summary>
    public void ReplaceAcquireSemaphore()
    {
        Vk vk = _context.Vk;
        vk.DestroySemaphore(_context.Device, ImageAcquired, null);
        var semaphoreInfo = new SemaphoreCreateInfo { SType = StructureType.SemaphoreCreateInfo };
        Semaphore acquired;
        VulkanException.Check(vk.CreateSemaphore(_context.Device, &semaphoreInfo, null, &acquired));
        ImageAcquired = acquired;
    }

    private void DestroyStaging()
    {
        Vk vk = _context.Vk;
        if (Staging.Handle != 0) vk.DestroyImage(_context.Device, Staging, null);
        if (_stagingMemory.Handle != 0) vk.FreeMemory(_context.Device, _stagingMemory, null);
        Staging = default;
        _stagingMemory = default;
        StagingSize = (0, 0);
    }
}
