namespace PhysML.Viewer.Glfw;

/// <summary>A GLFW call failed. The message carries GLFW's own description from glfwGetError.</summary>
public sealed class GlfwException : Exception
{
    public GlfwException(string message, int errorCode)
        : base(message)
    {
        ErrorCode = errorCode;
    }

    /// <summary>GLFW's error code, e.g. 0x00010008 GLFW_PLATFORM_ERROR (no display); 0 when GLFW gave none.</summary>
    public int ErrorCode { get; }
}
