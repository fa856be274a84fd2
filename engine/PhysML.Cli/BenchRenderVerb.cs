using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Errors;
using PhysML.Gpu;
using PhysML.Rendering;
using PhysML.Scenes.Loading;
using PhysML.Scenes.Running;

namespace PhysML.Cli;

/// <summary>
/// <c>physml bench render SCENE</c>: ms per frame of the renderer on a scene's state, split into extract (copying the
/// fields into a snapshot), render (upload, compute passes, legend) and readback (the pixels to the host, as a PNG
/// needs). The simulation runs <c>--warmup</c> frames first so there is smoke to draw, then stands still: the figures
/// are the renderer's alone. A benchmark, not a test.
/// </summary>
public static class BenchRenderVerb
{
    public static Command Create(CliContext context)
    {
        var scene = new Argument<string>("scene") { Description = "Path to a *.scene.json file." };
        var size = new Option<string>("--size") { Description = "Frame size WIDTHxHEIGHT.", DefaultValueFactory = _ => "1280x720" };
        var frames = new Option<int>("--frames") { Description = "Frames rendered and measured.", DefaultValueFactory = _ => 10 };
        var warmup = new Option<int>("--warmup") { Description = "Simulation frames run first, so the state has something to show.", DefaultValueFactory = _ => 20 };
        var field = new Option<string?>("--render-field") { Description = "Field to render (default: the scene's output.display, else its first 2D/3D field)." };
        var png = new Option<string?>("--png") { Description = "Also write the last rendered frame to this PNG." };
        var command = new Command("render", "Time the renderer (extract, render, readback) on a scene's state.") { scene, size, frames, warmup, field, png };
        command.SetAction(parsed =>
        {
            var (width, height) = RenderOptionsParser.ParseSize(parsed.GetValue(size)!);
            var (n, w) = (parsed.GetValue(frames), parsed.GetValue(warmup));
            if (n < 1 || w < 0) throw new PhysMLException(ErrorCodes.InvalidArgument, ErrorCategory.BadInput, "--frames must be >= 1 and --warmup >= 0");
            Measure(context, parsed.GetValue(scene)!, width, height, n, w, parsed.GetValue(field), parsed.GetValue(png));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Measure(CliContext context, string path, int width, int height, int frames, int warmup, string? fieldName, string? png)
    {
        var loaded = new SceneLoader(BuiltInPlugins.Catalog()).Load(path);
        using var app = loaded.App;
        var field = fieldName ?? loaded.File.Output.Display;
        HeadlessFrames.Prepare(app, field);
        _ = new SceneRunner(loaded, new RunOptions { Frames = 0, ImageEvery = 0 }); // Startup, checks
        for (var i = 0; i < warmup; i++) app.RunFrame(loaded.File.Time.StepsPerFrame);
        var exchange = app.World.Resource<SnapshotExchange>();
        var catalog = app.World.Resource<FieldCatalog>();
        var name = field ?? exchange.RequestedFields[0];

        using var gpu = new VulkanContext(new VulkanDeviceOptions());
        using var renderer = new FrameRenderer(gpu);
        using var target = new RenderTarget(gpu, width, height);
        var (colormap, range) = RenderOptionsParser.SceneColours(loaded, name);
        var view = new RenderView(name) { Colormap = colormap, Range = range };
        var pixels = new byte[target.PixelCount * 4];
        double extract = 0, render = 0, readback = 0;
        RenderedFrame drawn = default;
        // One unmeasured frame first: pipeline creation and the first buffer allocations are one-off costs.
        for (var i = -1; i < frames; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            var snapshot = RenderSnapshot.Extract(catalog, app.Time.Frame, app.Time.Elapsed, exchange.RequestedFields);
            var t1 = Stopwatch.GetTimestamp();
            drawn = renderer.Render(snapshot, view, target);
            var t2 = Stopwatch.GetTimestamp();
            target.ReadPixels(pixels);
            var t3 = Stopwatch.GetTimestamp();
            if (i < 0) continue;
            extract += Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
            render += Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds;
            readback += Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds;
        }
        if (png is not null) PngImage.Write(png, pixels, width, height);

        string F(double ms) => (ms / frames).ToString("F2", CultureInfo.InvariantCulture).PadLeft(10);
        context.Output.WriteLine($"{Path.GetFileName(path)}: field '{drawn.Field}' ({(drawn.Volume ? "3D volume" : "2D")}) at {width}x{height} on {gpu.DeviceName}, {frames} frames, ms per frame");
        context.Output.WriteLine(string.Join("  ", new[] { "extract", "render", "readback", "total" }.Select(h => h.PadLeft(10))));
        context.Output.WriteLine(string.Join("  ", F(extract), F(render), F(readback), F(extract + render + readback)));
    }
}
