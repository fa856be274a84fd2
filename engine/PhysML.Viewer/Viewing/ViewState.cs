namespace PhysML.Viewer.Viewing;

/// <summary>
/// What the person looking at the viewport has chosen: an orbit camera for 3D (yaw, pitch, distance, pan), the slice
/// of a 3D field the 2D renderer shows, and whether the help overlay is up. A value the window thread replaces with
/// <c>with</c> on each input; renderers only read it.
/// </summary>
/// <param name="Yaw">Orbit angle about the vertical axis, radians.</param>
/// <param name="Pitch">Orbit elevation, radians, kept within ±(π/2 − 0.01) so the camera never flips.</param>
/// <param name="Distance">Camera distance from the target in domain lengths (scroll zooms; 0.2..20).</param>
/// <param name="PanX">Target offset across the view, in domain lengths.</param>
/// <param name="PanY">Target offset up the view, in domain lengths.</param>
/// <param name="SliceFraction">Where the displayed z-slice of a 3D field sits, 0 (bottom) .. 1 (top).</param>
/// <param name="ShowHelp">The key list overlay (H / F1).</param>
/// <param name="ShowHud">The HUD at all (G): off shows the bare viewport, e.g. for a clean screenshot.</param>
/// <param name="ShowGlyphs">Velocity arrows over a 2D field (A), when the scene has a velocity.</param>
public readonly record struct ViewState(
    double Yaw = 0.6,
    double Pitch = 0.35,
    double Distance = 2.5,
    double PanX = 0,
    double PanY = 0,
    double SliceFraction = 0.5,
    bool ShowHelp = false,
    bool ShowHud = true,
    bool ShowGlyphs = true)
{
    public const double MaxPitch = Math.PI / 2 - 0.01;

    /// <summary>The view a window opens with. Use this, not <c>new ViewState()</c>: a record struct's parameterless
    /// constructor zeroes every field instead of taking the parameters' defaults.</summary>
    public static ViewState Initial => new(Yaw: 0.6);

    /// <summary>Left-drag orbits: <paramref name="dx"/>, <paramref name="dy"/> in pixels, 0.01 rad per pixel.</summary>
    public ViewState Orbit(double dx, double dy) =>
        this with { Yaw = Yaw + dx * 0.01, Pitch = Math.Clamp(Pitch + dy * 0.01, -MaxPitch, MaxPitch) };

    /// <summary>Right- or middle-drag pans: the picture follows the cursor at any zoom, since a viewport's height spans
    /// 2·tan(fov/2)·distance domain lengths at the target (the renderer's field of view).</summary>
    public ViewState Pan(double dx, double dy, int viewportHeight)
    {
        double perPixel = Distance * 2 * Math.Tan(PhysML.Rendering.OrbitCamera.Default.FieldOfView * Math.PI / 360) / Math.Max(viewportHeight, 1);
        return this with { PanX = PanX - dx * perPixel, PanY = PanY + dy * perPixel };
    }

    /// <summary>Each scroll notch zooms by 10 %.</summary>
    public ViewState Zoom(double notches) => this with { Distance = Math.Clamp(Distance * Math.Pow(0.9, notches), 0.2, 20) };
}
