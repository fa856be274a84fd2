using System.Runtime.InteropServices;

namespace PhysML.Viewer.Glfw;

/// <summary>
/// A hand-written P/Invoke binding of the GLFW 3.3 functions the viewer uses, from Debian's libglfw3 package.
/// </summary>
/// <remarks>
/// Why by hand: Silk.NET.GLFW and Silk.NET.Windowing are not served by our package feed, and binding the system
/// library keeps the native GLFW and its X11/Wayland dependencies under the distribution's control.
/// Only functions we call are declared; callbacks are C function pointers to [UnmanagedCallersOnly] methods.
/// Names, constants and signatures follow glfw3.h; GLFW's int booleans stay int here
/// and become bool in <see cref="GlfwWindow"/>.
/// </remarks>
internal static unsafe partial class GlfwNative
{
    /// <summary>The soname, not libglfw.so: the unversioned link only exists with the -dev package.</summary>
    public const string Library = "libglfw.so.3";

    public const int True = 1;
    public const int False = 0;

    /// <summary>Window hint: which client API to create a context for.</summary>
    public const int ClientApi = 0x00022001;

    /// <summary>ClientApi value: no OpenGL context, for windows that Vulkan draws into.</summary>
    public const int NoApi = 0;

    /// <summary>Window hint: whether the window is shown on creation.</summary>
    public const int Visible = 0x00020004;

    /// <summary>glfwGetError's code when there is no error.</summary>
    public const int NoError = 0;

    [LibraryImport(Library, EntryPoint = "glfwInit")]
    public static partial int Init();

    [LibraryImport(Library, EntryPoint = "glfwTerminate")]
    public static partial void Terminate();

    /// <summary>Returns and clears the last error; <paramref name="description"/> points into GLFW-owned memory.</summary>
    [LibraryImport(Library, EntryPoint = "glfwGetError")]
    public static partial int GetError(byte** description);

    [LibraryImport(Library, EntryPoint = "glfwWindowHint")]
    public static partial void WindowHint(int hint, int value);

    [LibraryImport(Library, EntryPoint = "glfwCreateWindow")]
    public static partial nint CreateWindow(int width, int height, byte* title, nint monitor, nint share);

    [LibraryImport(Library, EntryPoint = "glfwDestroyWindow")]
    public static partial void DestroyWindow(nint window);

    [LibraryImport(Library, EntryPoint = "glfwWindowShouldClose")]
    public static partial int WindowShouldClose(nint window);

    [LibraryImport(Library, EntryPoint = "glfwPollEvents")]
    public static partial void PollEvents();

    [LibraryImport(Library, EntryPoint = "glfwVulkanSupported")]
    public static partial int VulkanSupported();

    /// <summary>The instance extensions a Vulkan surface for this platform needs; the array is GLFW-owned.</summary>
    [LibraryImport(Library, EntryPoint = "glfwGetRequiredInstanceExtensions")]
    public static partial byte** GetRequiredInstanceExtensions(uint* count);

    [LibraryImport(Library, EntryPoint = "glfwGetFramebufferSize")]
    public static partial void GetFramebufferSize(nint window, int* width, int* height);

    /// <summary>Window attribute: whether the window is iconified (minimised).</summary>
    public const int Iconified = 0x00020002;

    [LibraryImport(Library, EntryPoint = "glfwWaitEventsTimeout")]
    public static partial void WaitEventsTimeout(double timeoutSeconds);

    [LibraryImport(Library, EntryPoint = "glfwSetWindowShouldClose")]
    public static partial void SetWindowShouldClose(nint window, int value);

    [LibraryImport(Library, EntryPoint = "glfwSetWindowSize")]
    public static partial void SetWindowSize(nint window, int width, int height);

    [LibraryImport(Library, EntryPoint = "glfwIconifyWindow")]
    public static partial void IconifyWindow(nint window);

    [LibraryImport(Library, EntryPoint = "glfwRestoreWindow")]
    public static partial void RestoreWindow(nint window);

    [LibraryImport(Library, EntryPoint = "glfwGetWindowAttrib")]
    public static partial int GetWindowAttrib(nint window, int attribute);

    [LibraryImport(Library, EntryPoint = "glfwSetWindowTitle")]
    public static partial void SetWindowTitle(nint window, byte* title);

    [LibraryImport(Library, EntryPoint = "glfwSetWindowUserPointer")]
    public static partial void SetWindowUserPointer(nint window, nint pointer);

    [LibraryImport(Library, EntryPoint = "glfwGetWindowUserPointer")]
    public static partial nint GetWindowUserPointer(nint window);

    /// <summary>VkResult glfwCreateWindowSurface(VkInstance, GLFWwindow*, const VkAllocationCallbacks*, VkSurfaceKHR*).</summary>
    [LibraryImport(Library, EntryPoint = "glfwCreateWindowSurface")]
    public static partial int CreateWindowSurface(nint instance, nint window, nint allocator, ulong* surface);

    // Callback setters return the previous callback; we install once per window and ignore it.
    [LibraryImport(Library, EntryPoint = "glfwSetFramebufferSizeCallback")]
    public static partial nint SetFramebufferSizeCallback(nint window, delegate* unmanaged<nint, int, int, void> callback);

    [LibraryImport(Library, EntryPoint = "glfwSetWindowIconifyCallback")]
    public static partial nint SetWindowIconifyCallback(nint window, delegate* unmanaged<nint, int, void> callback);

    [LibraryImport(Library, EntryPoint = "glfwSetKeyCallback")]
    public static partial nint SetKeyCallback(nint window, delegate* unmanaged<nint, int, int, int, int, void> callback);

    [LibraryImport(Library, EntryPoint = "glfwSetMouseButtonCallback")]
    public static partial nint SetMouseButtonCallback(nint window, delegate* unmanaged<nint, int, int, int, void> callback);

    [LibraryImport(Library, EntryPoint = "glfwSetCursorPosCallback")]
    public static partial nint SetCursorPosCallback(nint window, delegate* unmanaged<nint, double, double, void> callback);

    [LibraryImport(Library, EntryPoint = "glfwSetScrollCallback")]
    public static partial nint SetScrollCallback(nint window, delegate* unmanaged<nint, double, double, void> callback);
}
