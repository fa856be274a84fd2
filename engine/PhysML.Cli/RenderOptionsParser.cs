using System.CommandLine;
using System.Globalization;
using PhysML.Core.Errors;
using PhysML.Rendering;
using PhysML.Scenes.Loading;
using PhysML.Scenes.Running;

namespace PhysML.Cli;

/// <summary>What <c>--render</c>, <c>--size</c>, <c>--render-field</c>, <c>--video</c> and <c>--fps</c> asked for.</summary>
internal sealed record RenderRequest(int Width, int Height, string? Field, string? VideoPath, int FramesPerSecond);

/// <summary>The rendering options of <c>physml run</c> (and the size parsing <c>physml bench render</c> shares).</summary>
internal sealed class RenderOptionsParser
{
    private readonly Option<bool> _render = new("--render") { Description = "Draw frames/*.png with the Vulkan renderer (3D volumes, obstacles, glyphs, legend) instead of simple colormap pictures." };
    private readonly Option<string> _size = new("--size") { Description = "Rendered frame size WIDTHxHEIGHT.", DefaultValueFactory = _ => "1280x720" };
    private readonly Option<string?> _field = new("--render-field") { Description = "Field to render (default: the scene's output.display, else its first 2D/3D field)." };
    private readonly Option<string?> _video = new("--video") { Description = "Also encode the rendered frames into this MP4 with ffmpeg (implies --render)." };
    private readonly Option<int> _fps = new("--fps") { Description = "Frames per second of the --video.", DefaultValueFactory = _ => 30 };

    public static RenderOptionsParser Create() => new();

    public void AddTo(Command command)
    {
        command.Options.Add(_render);
        command.Options.Add(_size);
        command.Options.Add(_field);
        command.Options.Add(_video);
        command.Options.Add(_fps);
    }

    /// <summary>Null when neither --render nor --video is given.</summary>
    public RenderRequest? Parse(ParseResult parsed)
    {
        var video = parsed.GetValue(_video);
        if (!parsed.GetValue(_render) && video is null) return null;
        var (width, height) = ParseSize(parsed.GetValue(_size)!);
        var fps = parsed.GetValue(_fps);
        if (fps is < 1 or > 240)
            throw new PhysMLException(ErrorCodes.InvalidArgument, ErrorCategory.BadInput, $"--fps must be between 1 and 240, got {fps}");
        return new RenderRequest(width, height, parsed.GetValue(_field), video, fps);
    }

    /// <summary>"1280x720" → (1280, 720); anything else is PML0703.</summary>
    public static (int Width, int Height) ParseSize(string text)
    {
        var parts = text.Split('x', 'X');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            && width is >= 16 and <= RenderTarget.MaxSide && height is >= 16 and <= RenderTarget.MaxSide)
            return (width, height);
        throw new PhysMLException(ErrorCodes.InvalidRenderSize, ErrorCategory.BadInput,
            $"--size must be WIDTHxHEIGHT with each side between 16 and {RenderTarget.MaxSide} pixels, e.g. 1280x720; got '{text}'");
    }

    /// <summary>The headless renderer for a loaded (not yet started) scene. The scene's output.colormap and output.range
    /// carry over when the rendered field is its output.display (they were chosen for that field); its default colormap
    /// (viridis) lets the renderer pick by sign instead.</summary>
    public static HeadlessFrames Headless(LoadedScene scene, RunOptions options, RenderRequest request)
    {
        if (request.VideoPath is not null && options.ImageEvery == 0)
            throw new PhysMLException(ErrorCodes.InvalidArgument, ErrorCategory.BadInput, "--video needs frames: --image-every must be at least 1");
        var field = request.Field ?? scene.File.Output.Display;
        HeadlessFrames.Prepare(scene.App, field);
        var (colormap, range) = SceneColours(scene, field);
        return new HeadlessFrames(scene.App, new HeadlessRenderOptions(request.Width, request.Height)
        {
            Field = field,
            Colormap = colormap,
            Range = range,
            VideoPath = request.VideoPath,
            FramesPerSecond = request.FramesPerSecond,
        });
    }

    /// <summary>The scene's output.colormap (null for the default viridis) and output.range, when <paramref name="field"/>
    /// is the scene's display field; nulls otherwise (the renderer then chooses).</summary>
    public static (string? Colormap, ValueRange? Range) SceneColours(LoadedScene scene, string? field)
    {
        var output = scene.File.Output;
        if (field is null || field != output.Display) return (null, null);
        return (output.Colormap == "viridis" ? null : output.Colormap, output.Range is [var min, var max] ? new ValueRange(min, max) : null);
    }
}
