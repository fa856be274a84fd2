namespace PhysML.Rendering;

/// <summary>How <c>physml run --render</c> draws frames: the image size, the field, its colormap and range, and the video.</summary>
/// <param name="Width">Pixels across.</param>
/// <param name="Height">Pixels down.</param>
public sealed record HeadlessRenderOptions(int Width, int Height)
{
    /// <summary>The field to draw; null: the first 2D or 3D field the scene registers.</summary>
    public string? Field { get; init; }

    /// <summary>A colormap name; null picks by the data's sign (viridis, or diverging for signed fields).</summary>
    public string? Colormap { get; init; }

    /// <summary>Fixed colormap range; null: the range seen so far in the run, which only grows, so a colour means the
    /// same value in every frame (as the foundation's PNGs did).</summary>
    public ValueRange? Range { get; init; }

    /// <summary>Where to encode the frames as an MP4 after the run; null for no video.</summary>
    public string? VideoPath { get; init; }

    public int FramesPerSecond { get; init; } = 30;
}
