using Silk.NET.Vulkan;

namespace PhysML.Gpu;

/// <summary>
/// One Vulkan instance, device and compute queue: the root every GPU object is created from and owned by.
/// </summary>
/// <remarks>
/// Split by concern: <c>VulkanContext.Instance.cs</c> (instance and validation), <c>VulkanContext.Device.cs</c>
/// (device selection), <c>VulkanContext.Presentation.cs</c> (opt-in window surface), <c>VulkanContext.Factory.cs</c> (buffers and kernels), <c>VulkanContext.Submit.cs</c>.
/// Creation and submission are not thread-safe, like a Veldrid GraphicsDevice; only
/// <see cref="ValidationMessages"/> may be read from any thread.
/// </remarks>
public sealed unsafe partial class VulkanContext : IDisposable
{
    private readonly Vk _vk;
    private readonly DebugMessenger? _debug;
    private Instance _instance;
    private PhysicalDevice _physicalDevice;
    private Device _device;
    private Queue _queue;
    private CommandPool _commandPool;
    private CommandBuffer _commandBuffer;
    private Fence _fence;

    /// <summary>Creates the instance, picks a device and creates a compute queue on it.</summary>
    /// <exception cref="VulkanUnavailableException">No Vulkan loader or device, or validation asked for but missing.</exception>
    /// <exception cref="VulkanException">A Vulkan call failed.</exception>
    public VulkanContext(VulkanDeviceOptions options)
    {
        Options = options;
        _vk = LoadApi();
        _debug = options.EnableValidation ? new DebugMessenger() : null;
        try
        {
            CreateInstance(options);
            CreatePresentationSurface(options.Presentation);
            SelectPhysicalDevice(options.PreferDiscrete);
            CreateDevice();
            CreateSubmitObjects();
        }
        catch
        {
            // A half-built context still owns what it created; release it before the caller sees the exception.
            Dispose();
            throw;
        }
    }

    public VulkanDeviceOptions Options { get; }

    /// <summary>The chosen device's name, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)" for lavapipe.</summary>
    public string DeviceName { get; private set; } = "";

    /// <summary>The chosen device's type: DiscreteGpu, IntegratedGpu, VirtualGpu or Cpu (lavapipe).</summary>
    public PhysicalDeviceType DeviceType { get; private set; }

    /// <summary>The Vulkan API version the device supports, as "major.minor.patch".</summary>
    public string DeviceApiVersion { get; private set; } = "";

    /// <summary>Every warning and error the validation layer reported so far; empty when validation is off.</summary>
    /// <remarks>Still readable after <see cref="Dispose"/>, so a test can check messages from teardown too.</remarks>
    public IReadOnlyList<string> ValidationMessages => _debug?.Messages ?? [];

    public bool IsDisposed { get; private set; }

    internal Vk Vk => _vk;

    internal Device Device => _device;

    internal Queue Queue => _queue;

    internal PhysicalDeviceLimits Limits { get; private set; }

    /// <summary>The largest storage buffer a kernel may bind, in bytes (maxStorageBufferRange).</summary>
    public ulong MaxStorageBufferRange => Limits.MaxStorageBufferRange;

    /// <summary>The device's maxComputeWorkGroupCount[0], for <see cref="WorkgroupGrid.For"/>.</summary>
    public uint MaxWorkgroupsX
    {
        get
        {
            PhysicalDeviceLimits limits = Limits;
            return limits.MaxComputeWorkGroupCount[0];
        }
    }

    /// <summary>The device's maxComputeWorkGroupCount[1].</summary>
    public uint MaxWorkgroupsY
    {
        get
        {
            PhysicalDeviceLimits limits = Limits;
            return limits.MaxComputeWorkGroupCount[1];
        }
    }

    /// <summary>Waits for the GPU, destroys what is still alive in reverse creation order, then the device and instance.</summary>
    public void Dispose()
    {
        if (IsDisposed)
        {
            return;
        }

        IsDisposed = true;
        if (_device.Handle != 0)
        {
            // Nothing may be destroyed while the GPU can still use it. Not checked: a lost device must still tear down.
            _vk.DeviceWaitIdle(_device);
        }

        DisposeOwnedResources();
        if (_fence.Handle != 0)
        {
            _vk.DestroyFence(_device, _fence, null);
        }

        if (_commandPool.Handle != 0)
        {
            // Frees _commandBuffer with it.
            _vk.DestroyCommandPool(_device, _commandPool, null);
        }

        if (_device.Handle != 0)
        {
            _vk.DestroyDevice(_device, null);
        }

        DestroyPresentationSurface();
        _debug?.Detach();
        if (_instance.Handle != 0)
        {
            _vk.DestroyInstance(_instance, null);
        }

        // After vkDestroyInstance: its messages still go to the callback chained at creation.
        _debug?.Dispose();
        _vk.Dispose();
    }

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, this);
}
