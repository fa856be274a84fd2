using System.Runtime.InteropServices;
using PhysML.Core.Errors;
using PhysML.Gpu.Presentation;

namespace PhysML.Viewer.Glfw;

/// <summary>
/// A GLFW window with no OpenGL context, for Vulkan to present into. Initialises GLFW on creation and terminates it
/// on Dispose.
/// </summary>
/// <remarks>
/// GLFW is process-global and glfwTerminate destroys every window, so there is one GlfwWindow per process at a time
/// (the viewer has one window). GLFW wants to be called from one thread; create, poll and dispose on the same one.
/// Split by concern: <c>GlfwWindow.Events.cs</c> (input callbacks, resize, iconify), <c>GlfwWindow.Surface.cs</c>
/// (the Vulkan surface, as an <see cref="IPresentationSurface"/>).
/// </remarks>
public sealed unsafe partial class GlfwWindow : IDisposable, IPresentationSurface
{
    private nint _window;

    // GLFW's user pointer carries this handle, so the static callbacks find their window without static state.
    private GCHandle _self;

    /// <summary>Creates a window.</summary>
    /// <param name="width">Width in screen coordinates (pixels unless the desktop is scaled).</param>
    /// <param name="height">Height in screen coordinates.</param>
    /// <param name="title">The title bar text.</param>
    /// <param name="visible">False for tests and offscreen rendering: the window exists but is never mapped.</param>
    /// <exception cref="PhysMLException">PML0710: GLFW could not initialise (no display); the cause is the inner GlfwException.</exception>
    /// <exception cref="GlfwException">GLFW initialised but could not create the window.</exception>
    public GlfwWindow(int width, int height, string title, bool visible = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Title = title;

        if (GlfwNative.Init() != GlfwNative.True)
        {
            GlfwException cause = LastError("glfwInit failed");
            throw new PhysMLException(ErrorCodes.DisplayUnavailable, ErrorCategory.Internal,
                $"no display to open a window on: {cause.Message} DISPLAY is '{Environment.GetEnvironmentVariable("DISPLAY")}'; "
                + "run on a desktop session, set DISPLAY to a running X server, or use xvfb-run -a physml view ...", cause);
        }

        try
        {
            // Vulkan presents into the window, so GLFW must not create an OpenGL context on it.
            GlfwNative.WindowHint(GlfwNative.ClientApi, GlfwNative.NoApi);
            GlfwNative.WindowHint(GlfwNative.Visible, visible ? GlfwNative.True : GlfwNative.False);
            nint titleUtf8 = Marshal.StringToCoTaskMemUTF8(title);
            try
            {
                _window = GlfwNative.CreateWindow(width, height, (byte*)titleUtf8, 0, 0);
            }
            finally
            {
                Marshal.FreeCoTaskMem(titleUtf8);
            }

            if (_window == 0)
            {
                throw LastError($"glfwCreateWindow({width}, {height}, \"{title}\") failed");
            }

            InstallCallbacks();
        }
        catch
        {
            GlfwNative.Terminate();
            throw;
        }
    }

    public string Title { get; }

    public bool IsDisposed { get; private set; }

    /// <summary>True when GLFW found a Vulkan loader and an ICD that can present to this platform's windows.</summary>
    public bool VulkanSupported => GlfwNative.VulkanSupported() == GlfwNative.True;

    /// <summary>True once the user asked to close the window (close button, Alt+F4).</summary>
    public bool ShouldClose
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            return GlfwNative.WindowShouldClose(_window) == GlfwNative.True;
        }
    }

    /// <summary>The drawable size in pixels; differs from the window size on high-DPI screens. The swapchain uses this.</summary>
    public (int Width, int Height) FramebufferSize
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            int width;
            int height;
            GlfwNative.GetFramebufferSize(_window, &width, &height);
            return (width, height);
        }
    }

    /// <summary>The handle for glfwCreateWindowSurface, used by the renderer.</summary>
    internal nint Handle => _window;

    /// <summary>The Vulkan instance extensions a surface for this window needs (VK_KHR_surface and a platform one).</summary>
    /// <exception cref="GlfwException">Vulkan is not available to GLFW.</exception>
    public IReadOnlyList<string> RequiredInstanceExtensions()
    {
        uint count;
        byte** names = GlfwNative.GetRequiredInstanceExtensions(&count);
        if (names == null)
        {
            throw LastError("glfwGetRequiredInstanceExtensions returned nothing (no Vulkan loader or no surface support)");
        }

        var extensions = new string[count];
        for (int i = 0; i < count; i++)
        {
            extensions[i] = Marshal.PtrToStringUTF8((nint)names[i]) ?? "";
        }

        return extensions;
    }

    /// <summary>Processes pending window events; call once per frame.</summary>
    public void PollEvents()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        GlfwNative.PollEvents();
    }

    /// <summary>Destroys the window, then terminates GLFW (reverse order of creation).</summary>
    public void Dispose()
    {
        if (IsDisposed)
        {
            return;
        }

        IsDisposed = true;
        if (_window != 0)
        {
            GlfwNative.DestroyWindow(_window);
            _window = 0;
        }

        if (_self.IsAllocated)
        {
            _self.Free();
        }

        GlfwNative.Terminate();
    }

    /// <summary>Builds an exception from glfwGetError, which also clears the error.</summary>
    private static GlfwException LastError(string what)
    {
        byte* description;
        int code = GlfwNative.GetError(&description);
        string text = code == GlfwNative.NoError || description == null
            ? "GLFW reported no error"
            : Marshal.PtrToStringUTF8((nint)description) ?? "";
        return new GlfwException($"{what}: {text} (GLFW error 0x{code:X8}).", code);
    }
}
