using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Silk.NET.Core;
using Silk.NET.Vulkan;

namespace PhysML.Gpu;

/// <summary>
/// Owns a VK_EXT_debug_utils messenger and the thread-safe list its callback appends to.
/// </summary>
/// <remarks>
/// The extension's functions are loaded by hand through vkGetInstanceProcAddr: the Silk.NET.Vulkan.Extensions.EXT
/// package that would wrap them is not served to us, and the structs we need are in Silk.NET.Vulkan itself.
/// The callback is a static [UnmanagedCallersOnly] function (no delegate the GC could move or collect); it finds
/// this object through a GCHandle passed as pUserData.
/// </remarks>
internal sealed unsafe class DebugMessenger : IDisposable
{
    private const DebugUtilsMessageSeverityFlagsEXT CollectedSeverities =
        DebugUtilsMessageSeverityFlagsEXT.WarningBitExt | DebugUtilsMessageSeverityFlagsEXT.ErrorBitExt;

    private const DebugUtilsMessageTypeFlagsEXT CollectedTypes =
        DebugUtilsMessageTypeFlagsEXT.GeneralBitExt
        | DebugUtilsMessageTypeFlagsEXT.ValidationBitExt
        | DebugUtilsMessageTypeFlagsEXT.PerformanceBitExt;

    private readonly object _gate = new();
    private readonly List<string> _messages = [];
    private GCHandle _self;
    private Instance _instance;
    private DebugUtilsMessengerEXT _messenger;
    private delegate* unmanaged<Instance, DebugUtilsMessengerEXT, AllocationCallbacks*, void> _destroy;

    public DebugMessenger()
    {
        // Weak would let the GC free us while Vulkan still holds pUserData; Normal keeps us alive until Dispose.
        _self = GCHandle.Alloc(this, GCHandleType.Normal);
    }

    /// <summary>A snapshot: later messages do not appear in a list already returned.</summary>
    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_gate)
            {
                return _messages.ToArray();
            }
        }
    }

    /// <summary>
    /// The create info for both uses: chained into VkInstanceCreateInfo.pNext (so messages from vkCreateInstance and
    /// vkDestroyInstance, which no messenger object can see, are still caught) and for the messenger object itself.
    /// </summary>
    public DebugUtilsMessengerCreateInfoEXT CreateInfo => new()
    {
        SType = StructureType.DebugUtilsMessengerCreateInfoExt,
        MessageSeverity = CollectedSeverities,
        MessageType = CollectedTypes,
        PfnUserCallback = new PfnDebugUtilsMessengerCallbackEXT(&OnMessage),
        PUserData = (void*)GCHandle.ToIntPtr(_self),
    };

    /// <summary>Creates the messenger object on <paramref name="instance"/>.</summary>
    public void Attach(Vk vk, Instance instance)
    {
        var create = (delegate* unmanaged<Instance, DebugUtilsMessengerCreateInfoEXT*, AllocationCallbacks*, DebugUtilsMessengerEXT*, Result>)
            LoadInstanceFunction(vk, instance, "vkCreateDebugUtilsMessengerEXT");
        _destroy = (delegate* unmanaged<Instance, DebugUtilsMessengerEXT, AllocationCallbacks*, void>)
            LoadInstanceFunction(vk, instance, "vkDestroyDebugUtilsMessengerEXT");

        DebugUtilsMessengerCreateInfoEXT info = CreateInfo;
        DebugUtilsMessengerEXT messenger;
        VulkanException.Check(create(instance, &info, null, &messenger));
        _instance = instance;
        _messenger = messenger;
    }

    /// <summary>Destroys the messenger object. Call before vkDestroyInstance.</summary>
    public void Detach()
    {
        if (_messenger.Handle != 0)
        {
            _destroy(_instance, _messenger, null);
            _messenger = default;
        }
    }

    /// <summary>Frees the GCHandle. Call after vkDestroyInstance: the chained callback may fire until then.</summary>
    public void Dispose()
    {
        Detach();
        if (_self.IsAllocated)
        {
            _self.Free();
        }
    }

    private void Add(string message)
    {
        lock (_gate)
        {
            _messages.Add(message);
        }
    }

    private static void* LoadInstanceFunction(Vk vk, Instance instance, string name)
    {
        void* function = (void*)(nint)vk.GetInstanceProcAddr(instance, name);
        if (function == null)
        {
            throw new VulkanException(Result.ErrorExtensionNotPresent, $"vkGetInstanceProcAddr(\"{name}\")",
                "VK_EXT_debug_utils is missing; it comes with the loader and vulkan-validationlayers: run scripts/bootstrap.sh");
        }

        return function;
    }

    // Cdecl: the calling convention Silk.NET declares for PFN_vkDebugUtilsMessengerCallbackEXT.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static Bool32 OnMessage(
        DebugUtilsMessageSeverityFlagsEXT severity,
        DebugUtilsMessageTypeFlagsEXT type,
        DebugUtilsMessengerCallbackDataEXT* data,
        void* userData)
    {
        // An exception must never unwind into the driver; losing one message is better than a crash.
        try
        {
            if (userData != null && GCHandle.FromIntPtr((nint)userData).Target is DebugMessenger self)
            {
                string id = data->PMessageIdName == null ? "" : Marshal.PtrToStringUTF8((nint)data->PMessageIdName) ?? "";
                string text = data->PMessage == null ? "" : Marshal.PtrToStringUTF8((nint)data->PMessage) ?? "";
                self.Add($"[{SeverityName(severity)}][{TypeName(type)}] {id}: {text}");
            }
        }
        catch
        {
        }

        // VK_FALSE: the call that triggered the message must go on as if no layer were there.
        return false;
    }

    private static string SeverityName(DebugUtilsMessageSeverityFlagsEXT severity) =>
        (severity & DebugUtilsMessageSeverityFlagsEXT.ErrorBitExt) != 0 ? "error" : "warning";

    private static string TypeName(DebugUtilsMessageTypeFlagsEXT type) =>
        (type & DebugUtilsMessageTypeFlagsEXT.ValidationBitExt) != 0 ? "validation"
        : (type & DebugUtilsMessageTypeFlagsEXT.PerformanceBitExt) != 0 ? "performance"
        : "general";
}
