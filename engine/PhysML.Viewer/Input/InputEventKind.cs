namespace PhysML.Viewer.Input;

public enum InputEventKind
{
    Key,
    MouseButton,
    CursorMove,
    Scroll,
    FramebufferResize,
    Iconify,
}
