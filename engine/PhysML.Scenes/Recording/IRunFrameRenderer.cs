namespace PhysML.Scenes.Recording;

/// <summary>
/// Draws a run's <c>frames/NNNNNN.png</c> in place of <see cref="FrameImage"/>'s colormap pictures: <c>physml run
/// --render</c> passes the Vulkan renderer (PhysML.Rendering.HeadlessFrames) through <see cref="Running.RunOptions"/>.
/// The scene runner calls it; the caller owns and disposes it.
/// </summary>
public interface IRunFrameRenderer
{
    /// <summary>Renders the state after <paramref name="frame"/> (0: the initial state) to <paramref name="pngPath"/>.</summary>
    void WriteFrame(int frame, string pngPath);

    /// <summary>Called once after the last frame of a run that succeeded, before the report is written; returns the path
    /// of a video made from the frames, or null when none is asked for.</summary>
    string? Complete(string framesDirectory);
}
