namespace PhysML.Viewer.Input;

/// <summary>GLFW_RELEASE, GLFW_PRESS, GLFW_REPEAT, with GLFW's values.</summary>
public enum KeyAction
{
    Release = 0,
    Press = 1,
    Repeat = 2,
}
