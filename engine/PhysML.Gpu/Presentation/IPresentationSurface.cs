namespace PhysML.Gpu.Presentation;

/// <summary>
/// A window system's side of Vulkan presentation: which instance extensions a surface needs and how to create one.
/// The viewer's GLFW window implements it, so PhysML.Gpu knows nothing about windows.
/// </summary>
public interface IPresentationSurface
{
    /// <summary>Instance extensions the surface needs, e.g. VK_KHR_surface and VK_KHR_xcb_surface.</summary>
    IReadOnlyList<string> RequiredInstanceExtensions { get; }

    /// <summary>Creates a VkSurfaceKHR for <paramref name="instance"/> (a VkInstance handle) and returns its handle.</summary>
    ulong CreateSurface(nint instance);
}
