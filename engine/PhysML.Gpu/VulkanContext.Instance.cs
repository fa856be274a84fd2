using System.Runtime.InteropServices;
using Silk.NET.Core.Native;
using Silk.NET.Vulkan;

namespace PhysML.Gpu;

public sealed unsafe partial class VulkanContext
{
    /// <summary>The Khronos validation layer, from Debian's vulkan-validationlayers.</summary>
    public const string ValidationLayerName = "VK_LAYER_KHRONOS_validation";

    private const string DebugUtilsExtensionName = "VK_EXT_debug_utils";

    /// <summary>Names of the instance layers the Vulkan loader can find (vkEnumerateInstanceLayerProperties).</summary>
    /// <exception cref="VulkanUnavailableException">No Vulkan loader.</exception>
    public static IReadOnlyList<string> EnumerateInstanceLayers()
    {
        using Vk vk = LoadApi();
        return EnumerateInstanceLayers(vk);
    }

    private static Vk LoadApi()
    {
        try
        {
            return Vk.GetApi();
        }
        catch (Exception e) when (e is DllNotFoundException or FileNotFoundException or PlatformNotSupportedException)
        {
            throw VulkanUnavailableException.NoDevice("the Vulkan loader libvulkan.so.1 could not be loaded", e);
        }
    }

    private static string[] EnumerateInstanceLayers(Vk vk)
    {
        uint count = 0;
        VulkanException.Check(vk.EnumerateInstanceLayerProperties(&count, null));
        var layers = new LayerProperties[count];
        fixed (LayerProperties* p = layers)
        {
            VulkanException.Check(vk.EnumerateInstanceLayerProperties(&count, p));
        }

        var names = new string[count];
        for (int i = 0; i < count; i++)
        {
            fixed (byte* name = layers[i].LayerName)
            {
                names[i] = Marshal.PtrToStringUTF8((nint)name) ?? "";
            }
        }

        return names;
    }

    private void CreateInstance(VulkanDeviceOptions options)
    {
        if (options.EnableValidation && !EnumerateInstanceLayers(_vk).Contains(ValidationLayerName))
        {
            throw new VulkanUnavailableException(
                $"{ValidationLayerName} not found, but validation was requested: install vulkan-validationlayers; run scripts/bootstrap.sh.");
        }

        nint appName = SilkMarshal.StringToPtr(string.IsNullOrEmpty(options.ApplicationName) ? "PhysML" : options.ApplicationName);
        nint engineName = SilkMarshal.StringToPtr("PhysML");
        string[] layers = options.EnableValidation ? [ValidationLayerName] : [];
        string[] extensions = [
            .. options.EnableValidation ? [DebugUtilsExtensionName] : Array.Empty<string>(),
            .. options.Presentation?.RequiredInstanceExtensions ?? [],
        ];
        nint layerNames = SilkMarshal.StringArrayToPtr(layers);
        nint extensionNames = SilkMarshal.StringArrayToPtr(extensions);
        try
        {
            var app = new ApplicationInfo
            {
                SType = StructureType.ApplicationInfo,
                PApplicationName = (byte*)appName,
                PEngineName = (byte*)engineName,
                EngineVersion = Vk.MakeVersion(0, 1, 0),
                // 1.2: timeline semaphores, buffer device address and SPIR-V 1.5 are core; lavapipe offers 1.3.
                ApiVersion = Vk.Version12,
            };
            var info = new InstanceCreateInfo
            {
                SType = StructureType.InstanceCreateInfo,
                PApplicationInfo = &app,
                EnabledLayerCount = (uint)layers.Length,
                PpEnabledLayerNames = (byte**)layerNames,
                EnabledExtensionCount = (uint)extensions.Length,
                PpEnabledExtensionNames = (byte**)extensionNames,
            };

            DebugUtilsMessengerCreateInfoEXT debugInfo = _debug?.CreateInfo ?? default;
            if (_debug is not null)
            {
                info.PNext = &debugInfo;
            }

            Instance instance;
            Result result = _vk.CreateInstance(&info, null, &instance);
            if (result == Result.ErrorIncompatibleDriver)
            {
                // The loader found no driver (ICD) that supports Vulkan 1.2.
                throw VulkanUnavailableException.NoDevice("vkCreateInstance found no Vulkan 1.2 driver (VK_ERROR_INCOMPATIBLE_DRIVER)");
            }

            VulkanException.Check(result, "vkCreateInstance");
            _instance = instance;
            _vk.CurrentInstance = instance;
            _debug?.Attach(_vk, instance);
        }
        finally
        {
            SilkMarshal.Free(appName);
            SilkMarshal.Free(engineName);
            SilkMarshal.Free(layerNames);
            SilkMarshal.Free(extensionNames);
        }
    }
}
