namespace PhysML.Viewer.Hud;

/// <summary>The window thread's own figures for the HUD, ms (smoothed) and frames per second.</summary>
/// <param name="Fps">Window frames per second.</param>
/// <param name="FrameMs">Wall time of one window frame.</param>
/// <param name="RenderMs">Drawing the viewport (and uploading it) plus the HUD.</param>
/// <param name="PresentMs">Blending the HUD, the copy and blit into the swapchain, and vkQueuePresentKHR.</param>
/// <param name="VSync">Whether presentation waits for vertical blank.</param>
public readonly record struct HudTimings(double Fps, double FrameMs, double RenderMs, double PresentMs, bool VSync);
