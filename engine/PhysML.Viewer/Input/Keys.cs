namespace PhysML.Viewer.Input;

/// <summary>The GLFW key and mouse button codes the viewer binds (glfw3.h values; printable keys are their ASCII upper case).</summary>
public static class Keys
{
    public const int Space = 32;
    public const int A = 65;
    public const int B = 66;
    public const int F = 70;
    public const int G = 71;
    public const int H = 72;
    public const int N = 78;
    public const int P = 80;
    public const int R = 82;
    public const int S = 83;
    public const int T = 84;
    public const int V = 86;
    public const int Escape = 256;
    public const int Tab = 258;
    public const int Right = 262;
    public const int F1 = 290;

    public const int MouseLeft = 0;
    public const int MouseRight = 1;
    public const int MouseMiddle = 2;
}
