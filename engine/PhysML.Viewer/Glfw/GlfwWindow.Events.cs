using System.Runtime.InteropServices;
using PhysML.Viewer.Input;

namespace PhysML.Viewer.Glfw;

public sealed unsafe partial class GlfwWindow
{
    /// <summary>Key, mouse, scroll, resize and iconify events, queued by GLFW's callbacks during <see cref="PollEvents"/>.</summary>
    public InputQueue Input { get; } = new();

    /// <summary>True when the window is minimised; the viewer then skips presenting and waits for events.</summary>
    public bool IsIconified
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            return GlfwNative.GetWindowAttrib(_window, GlfwNative.Iconified) == GlfwNative.True;
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for an event, then processes what arrived: a minimised viewer
    /// sleeps here instead of spinning.</summary>
    public void WaitEvents(TimeSpan timeout)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        GlfwNative.WaitEventsTimeout(timeout.TotalSeconds);
    }

    /// <summary>Asks the window to close (Esc); <see cref="ShouldClose"/> turns true.</summary>
    public void RequestClose()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        GlfwNative.SetWindowShouldClose(_window, GlfwNative.True);
    }

    /// <summary>Resizes the window (in screen coordinates); the framebuffer-size callback follows.</summary>
    public void Resize(int width, int height)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        GlfwNative.SetWindowSize(_window, width, height);
    }

    /// <summary>Minimises the window.</summary>
    public void Iconify()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        GlfwNative.IconifyWindow(_window);
    }

    /// <summary>Restores a minimised window.</summary>
    public void Restore()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        GlfwNative.RestoreWindow(_window);
    }

    public void SetTitle(string title)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        nint utf8 = Marshal.StringToCoTaskMemUTF8(title);
        try
        {
            GlfwNative.SetWindowTitle(_window, (byte*)utf8);
        }
        finally
        {
            Marshal.FreeCoTaskMem(utf8);
        }
    }

    private void InstallCallbacks()
    {
        _self = GCHandle.Alloc(this);
        GlfwNative.SetWindowUserPointer(_window, GCHandle.ToIntPtr(_self));
        GlfwNative.SetFramebufferSizeCallback(_window, &OnFramebufferSize);
        GlfwNative.SetWindowIconifyCallback(_window, &OnIconify);
        GlfwNative.SetKeyCallback(_window, &OnKey);
        GlfwNative.SetMouseButtonCallback(_window, &OnMouseButton);
        GlfwNative.SetCursorPosCallback(_window, &OnCursorPos);
        GlfwNative.SetScrollCallback(_window, &OnScroll);
    }

    private static void Post(nint window, InputEvent input)
    {
        nint self = GlfwNative.GetWindowUserPointer(window);
        if (self != 0 && GCHandle.FromIntPtr(self).Target is GlfwWindow owner)
        {
            owner.Input.Enqueue(input);
        }
    }

    // GLFW calls these from inside glfwPollEvents; an exception must not cross into native code, and Enqueue cannot throw.
    [UnmanagedCallersOnly]
    private static void OnFramebufferSize(nint window, int width, int height) =>
        Post(window, new InputEvent(InputEventKind.FramebufferResize, X: width, Y: height));

    [UnmanagedCallersOnly]
    private static void OnIconify(nint window, int iconified) => Post(window, new InputEvent(InputEventKind.Iconify, iconified));

    [UnmanagedCallersOnly]
    private static void OnKey(nint window, int key, int scancode, int action, int mods) =>
        Post(window, new InputEvent(InputEventKind.Key, key, (KeyAction)action, mods));

    [UnmanagedCallersOnly]
    private static void OnMouseButton(nint window, int button, int action, int mods) =>
        Post(window, new InputEvent(InputEventKind.MouseButton, button, (KeyAction)action, mods));

    [UnmanagedCallersOnly]
    private static void OnCursorPos(nint window, double x, double y) => Post(window, new InputEvent(InputEventKind.CursorMove, X: x, Y: y));

    [UnmanagedCallersOnly]
    private static void OnScroll(nint window, double x, double y) => Post(window, new InputEvent(InputEventKind.Scroll, X: x, Y: y));
}
