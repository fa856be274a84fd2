using System.Runtime.InteropServices;
using Silk.NET.Vulkan;

namespace PhysML.Gpu;

public sealed unsafe partial class VulkanContext
{
    /// <summary>The queue family all work is submitted to: the first with compute support.</summary>
    public uint ComputeQueueFamily { get; private set; }

    private void SelectPhysicalDevice(bool preferDiscrete)
    {
        uint count = 0;
        VulkanException.Check(_vk.EnumeratePhysicalDevices(_instance, &count, null));
        if (count == 0)
        {
            throw VulkanUnavailableException.NoDevice("vkEnumeratePhysicalDevices found no device");
        }

        var devices = new PhysicalDevice[count];
        fixed (PhysicalDevice* p = devices)
        {
            VulkanException.Check(_vk.EnumeratePhysicalDevices(_instance, &count, p));
        }

        // Highest rank wins; ties go to the first enumerated, which is the order the loader (and
        // MESA_VK_DEVICE_SELECT) chose, so a user can still override the pick from the environment.
        int bestRank = -1;
        foreach (PhysicalDevice device in devices)
        {
            PhysicalDeviceProperties properties = _vk.GetPhysicalDeviceProperties(device);
            if (properties.ApiVersion < Vk.Version12 || FindComputeQueueFamily(device) is not uint family)
            {
                continue;
            }

            if (_surface.Handle != 0 && !CanPresent(device, family))
            {
                continue;
            }

            int rank = Rank(properties.DeviceType, preferDiscrete);
            if (rank > bestRank)
            {
                bestRank = rank;
                _physicalDevice = device;
                ComputeQueueFamily = family;
                DeviceType = properties.DeviceType;
                DeviceName = Marshal.PtrToStringUTF8((nint)properties.DeviceName) ?? "";
                DeviceApiVersion = $"{properties.ApiVersion >> 22}.{(properties.ApiVersion >> 12) & 0x3FF}.{properties.ApiVersion & 0xFFF}";
                Limits = properties.Limits;
            }
        }

        if (bestRank < 0 && _surface.Handle != 0)
        {
            throw NoPresentableDevice(count);
        }

        if (bestRank < 0)
        {
            throw VulkanUnavailableException.NoDevice($"none of the {count} device(s) supports Vulkan 1.2 with a compute queue");
        }
    }

    /// <summary>Discrete first when asked (its own memory and most compute units), then integrated, virtual, CPU.</summary>
    private static int Rank(PhysicalDeviceType type, bool preferDiscrete) => type switch
    {
        PhysicalDeviceType.DiscreteGpu => preferDiscrete ? 4 : 1,
        PhysicalDeviceType.IntegratedGpu => 3,
        PhysicalDeviceType.VirtualGpu => 2,
        PhysicalDeviceType.Cpu => 1,
        _ => 0,
    };

    /// <summary>The first compute family; with a surface, the first that also does graphics (vkCmdBlitImage needs it) and presents.</summary>
    private uint? FindComputeQueueFamily(PhysicalDevice device)
    {
        uint count = 0;
        _vk.GetPhysicalDeviceQueueFamilyProperties(device, &count, null);
        var families = new QueueFamilyProperties[count];
        fixed (QueueFamilyProperties* p = families)
        {
            _vk.GetPhysicalDeviceQueueFamilyProperties(device, &count, p);
        }

        for (uint i = 0; i < count; i++)
        {
            QueueFlags needed = _surface.Handle != 0 ? QueueFlags.ComputeBit | QueueFlags.GraphicsBit : QueueFlags.ComputeBit;
            if ((families[i].QueueFlags & needed) == needed && (_surface.Handle == 0 || _surfaceApi!.SupportsPresent(device, i, _surface)))
            {
                return i;
            }
        }

        return null;
    }

    private void CreateDevice()
    {
        float priority = 1f;
        var queueInfo = new DeviceQueueCreateInfo
        {
            SType = StructureType.DeviceQueueCreateInfo,
            QueueFamilyIndex = ComputeQueueFamily,
            QueueCount = 1,
            PQueuePriorities = &priority,
        };
        var features = default(PhysicalDeviceFeatures);
        nint extensionNames = Silk.NET.Core.Native.SilkMarshal.StringArrayToPtr(DeviceExtensions());
        var info = new DeviceCreateInfo
        {
            SType = StructureType.DeviceCreateInfo,
            QueueCreateInfoCount = 1,
            PQueueCreateInfos = &queueInfo,
            PEnabledFeatures = &features,
            EnabledExtensionCount = (uint)DeviceExtensions().Length,
            PpEnabledExtensionNames = (byte**)extensionNames,
        };

        Device device;
        try
        {
            VulkanException.Check(_vk.CreateDevice(_physicalDevice, &info, null, &device));
        }
        finally
        {
            Silk.NET.Core.Native.SilkMarshal.Free(extensionNames);
        }

        _device = device;
        _vk.CurrentDevice = device;

        Queue queue;
        _vk.GetDeviceQueue(_device, ComputeQueueFamily, 0, &queue);
        _queue = queue;
    }

    /// <summary>Finds a memory type allowed by <paramref name="typeBits"/> that has all of <paramref name="required"/>.</summary>
    internal uint FindMemoryType(uint typeBits, MemoryPropertyFlags required)
    {
        PhysicalDeviceMemoryProperties memory;
        _vk.GetPhysicalDeviceMemoryProperties(_physicalDevice, &memory);
        for (int i = 0; i < memory.MemoryTypeCount; i++)
        {
            if ((typeBits & (1u << i)) != 0 && (memory.MemoryTypes[i].PropertyFlags & required) == required)
            {
                return (uint)i;
            }
        }

        throw new VulkanException(Result.ErrorFeatureNotPresent, "FindMemoryType",
            $"{DeviceName} has no memory type with {required} for type bits 0x{typeBits:X}");
    }
}
