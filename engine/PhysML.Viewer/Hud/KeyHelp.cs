namespace PhysML.Viewer.Hud;

/// <summary>The keys the viewer answers to, as the help overlay (H / F1) and README list them.</summary>
public static class KeyHelp
{
    public static IReadOnlyList<(string Keys, string Action)> Lines { get; } =
    [
        ("Space", "pause / resume"),
        ("N, Right", "single step (one frame)"),
        ("R", "reset: reload the scene file"),
        ("F, Tab", "next displayed field"),
        ("S", "next pressure solver / preconditioner"),
        ("B", "pressure solve on CPU / Vulkan"),
        ("T", "online training stop / start"),
        ("P", "screenshot (PNG)"),
        ("V", "vsync on / off"),
        ("H, F1", "this help"),
        ("G", "HUD on / off"),
        ("A", "velocity arrows on / off (2D)"),
        ("Esc", "quit"),
        ("Left drag", "orbit (3D camera)"),
        ("Right/middle drag", "pan (3D camera)"),
        ("Scroll", "zoom (3D camera)"),
    ];
}
