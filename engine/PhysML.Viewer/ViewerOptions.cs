using PhysML.Core.Application;

namespace PhysML.Viewer;

/// <summary>How <c>physml view</c> opens its window. A value: change it with <c>with</c>.</summary>
/// <param name="Width">Window width in screen coordinates (--size WxH).</param>
/// <param name="Height">Window height.</param>
/// <param name="VSync">FIFO presentation when true; MAILBOX/IMMEDIATE when false (--vsync on|off; V toggles).</param>
/// <param name="Backend">The compute backend the scene asks for: cpu or vulkan (--backend).</param>
/// <param name="ScreenshotDirectory">Where P writes PNGs (--out; the current directory by default).</param>
/// <param name="Visible">False for tests and benchmarks: the window exists but is never mapped.</param>
/// <param name="EnableValidation">The Khronos validation layer (tests); slow, off for people.</param>
/// <param name="StartPaused">Open at frame 0, paused.</param>
public readonly record struct ViewerOptions(
    int Width = 1280,
    int Height = 720,
    bool VSync = true,
    string Backend = ComputeBackend.Cpu,
    string? ScreenshotDirectory = null,
    bool Visible = true,
    bool EnableValidation = false,
    bool StartPaused = false);
