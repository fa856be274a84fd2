namespace PhysML.Viewer.Input;

/// <summary>
/// One input event, as GLFW reported it: a key or mouse button (<see cref="Code"/>, <see cref="Action"/>,
/// <see cref="Modifiers"/>), a cursor position or scroll offset (<see cref="X"/>, <see cref="Y"/>), a framebuffer
/// resize (X, Y = width, height in pixels) or an iconify change (Code 1 = minimised, 0 = restored).
/// </summary>
public readonly record struct InputEvent(InputEventKind Kind, int Code = 0, KeyAction Action = KeyAction.Press, int Modifiers = 0, double X = 0, double Y = 0)
{
    public static InputEvent KeyPress(int key) => new(InputEventKind.Key, key);
}
