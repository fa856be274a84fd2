using PhysML.Core.Ecs;
using PhysML.Core.Checkpoints;

namespace PhysML.Gpu;

/// <summary>
/// The app's Vulkan device as a world resource: created the first time a system asks for it, shared by every system
/// after that, and disposed with the app. When no device can be created, <see cref="Context"/> is null and
/// <see cref="Failure"/> says why, so each system can fall back to the CPU with one clear warning.
/// </summary>
[NoCheckpointState("a device handle, created on first use")]
public sealed class GpuDevice : IDisposable
{
    private readonly VulkanDeviceOptions _options;
    private VulkanContext? _context;
    private bool _tried;

    public GpuDevice(VulkanDeviceOptions options = default) => _options = options;

    /// <summary>A device that is known to be missing (tests of the CPU fallback; machines without a GPU driver).</summary>
    public static GpuDevice Unavailable(string reason) => new() { _tried = true, Failure = reason };

    /// <summary>The world's device resource, added on first use.</summary>
    public static GpuDevice Of(World world)
    {
        if (world.TryGetResource(out GpuDevice device)) return device;
        device = new GpuDevice();
        world.SetResource(device);
        return device;
    }

    /// <summary>The device, created on first access; null when Vulkan is unavailable (see <see cref="Failure"/>).</summary>
    public VulkanContext? Context
    {
        get
        {
            if (_tried) return _context;
            _tried = true;
            try
            {
                _context = new VulkanContext(_options);
            }
            catch (Exception e) when (e is VulkanUnavailableException or VulkanException)
            {
                Failure = e.Message;
            }
            return _context;
        }
    }

    /// <summary>Why <see cref="Context"/> is null.</summary>
    public string? Failure { get; private set; }

    public void Dispose() => _context?.Dispose();
}
