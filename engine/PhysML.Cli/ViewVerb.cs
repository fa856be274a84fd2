using System.CommandLine;
using PhysML.Core.Errors;
using PhysML.Scenes.Loading;
using PhysML.Viewer;

namespace PhysML.Cli;

/// <summary><c>physml view SCENE</c>: opens the real-time viewer window on a scene (keys: README "Viewer", or H in the window).</summary>
public static class ViewVerb
{
    public static Command Create(CliContext context)
    {
        var scene = new Argument<string>("scene") { Description = "Path to a *.scene.json file." };
        var backend = new Option<string>("--backend") { Description = "Compute backend: cpu or vulkan (B switches the pressure solve at run time).", DefaultValueFactory = _ => "cpu" };
        backend.AcceptOnlyFromAmong("cpu", "vulkan");
        var vsync = new Option<string>("--vsync") { Description = "on (FIFO) or off (MAILBOX/IMMEDIATE); V toggles it.", DefaultValueFactory = _ => "on" };
        vsync.AcceptOnlyFromAmong("on", "off");
        var size = new Option<string>("--size") { Description = "Window size WxH in screen coordinates.", DefaultValueFactory = _ => "1280x720" };
        var output = new Option<string?>("--out") { Description = "Directory for screenshots (P); default: the current directory." };
        var paused = new Option<bool>("--paused") { Description = "Open paused at frame 0." };
        var captureAt = new Option<long?>("--capture-at") { Description = "Take a screenshot when simulation frame N is shown, then close (scripted images)." };
        var viewport = new Option<string>("--viewport")
        {
            Description = "Who draws the viewport: gpu (the Vulkan renderer of run --render: 3D smoke volumes, glyphs) or cpu (a colour-mapped field, for comparison).",
            DefaultValueFactory = _ => "gpu",
        };
        viewport.AcceptOnlyFromAmong("gpu", "cpu");
        var plugin = BuiltInPlugins.Option();
        var command = new Command("view", "Open the real-time viewer window: the scene runs on its own thread, H lists the keys.")
        {
            scene, backend, vsync, size, output, paused, captureAt, viewport, plugin,
        };
        command.SetAction(parsed =>
        {
            (int width, int height) = ParseSize(parsed.GetValue(size)!);
            var path = parsed.GetValue(scene)!;
            string? directory = parsed.GetValue(output);
            if (directory is not null && !Directory.Exists(directory))
                throw new PhysMLException(ErrorCodes.InvalidArgument, ErrorCategory.BadInput, $"--out: directory '{directory}' does not exist");
            // Load once here so a bad scene fails before a window opens; the viewer reloads it on R.
            // The plugins as run finds them (--plugin, the scene's plugins/ folder, PHYSML_PLUGIN_PATH); R reloads with them.
            var loader = new SceneLoader(BuiltInPlugins.Catalog(path, parsed.GetValue(plugin)));
            loader.Load(path).App.Dispose();
            var options = new ViewerOptions(width, height, parsed.GetValue(vsync) == "on", parsed.GetValue(backend)!, directory, StartPaused: parsed.GetValue(paused));
            Func<Gpu.VulkanContext, Viewer.Rendering.IViewportRenderer>? renderer =
                parsed.GetValue(viewport) == "gpu" ? gpu => new Viewer.Rendering.GpuViewportRenderer(gpu) : null;
            using var viewer = new ViewerApp(() => loader.Load(path), options, renderer);
            context.Output.WriteLine($"viewing '{path}' on {viewer.Context.DeviceName} ({viewer.Presenter.ImageFormat}, {viewer.Presenter.PresentMode}); H lists the keys, Esc quits");
            viewer.Run(parsed.GetValue(captureAt));
            if (viewer.LastScreenshot is { } shot) context.Output.WriteLine($"screenshot: {shot}");
            if (viewer.Shown.Error is { } error) context.Error.WriteLine($"the simulation stopped: {error}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Parses "WxH" (both 16..16384).</summary>
    public static (int Width, int Height) ParseSize(string text)
    {
        string[] parts = text.Split('x', 'X');
        if (parts.Length == 2 && int.TryParse(parts[0], out int w) && int.TryParse(parts[1], out int h) && w is >= 16 and <= 16384 && h is >= 16 and <= 16384)
            return (w, h);
        throw new PhysMLException(ErrorCodes.InvalidArgument, ErrorCategory.BadInput, $"--size must be WxH with both between 16 and 16384, e.g. 1280x720 (was '{text}')");
    }
}
