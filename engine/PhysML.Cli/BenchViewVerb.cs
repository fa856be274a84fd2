using System.CommandLine;
using System.Diagnostics;
using PhysML.Core.Errors;
using PhysML.Gpu;
using PhysML.Scenes.Loading;
using PhysML.Viewer;
using PhysML.Viewer.Presentation;
using PhysML.Viewer.Rendering;

namespace PhysML.Cli;

/// <summary>
/// <c>physml bench view [SCENE]</c>: ms per presented frame at a window size (1280×720 by default), vsync off, in a
/// hidden window: the presenter alone (copy, blit, present of a ready RGBA8 buffer) and, with a scene, the viewer's whole
/// window frame while the scene runs on its own thread, with the CPU colormap viewport and then the default GPU viewport
/// (the Vulkan renderer), and their ratio.
/// A benchmark, not a test: figures depend on the machine and driver.
/// </summary>
public static class BenchViewVerb
{
    public static Command Create(CliContext context)
    {
        var scene = new Argument<string?>("scene") { Description = "Optional *.scene.json for the full viewer frame.", Arity = ArgumentArity.ZeroOrOne };
        var frames = new Option<int>("--frames") { Description = "Frames measured.", DefaultValueFactory = _ => 120 };
        var size = new Option<string>("--size") { Description = "Window size WxH.", DefaultValueFactory = _ => "1280x720" };
        var command = new Command("view", "Time presenting frames to a window (and the viewer's full frame with a scene).") { scene, frames, size };
        command.SetAction(parsed =>
        {
            (int width, int height) = ViewVerb.ParseSize(parsed.GetValue(size)!);
            int count = parsed.GetValue(frames);
            if (count < 1) throw new PhysMLException(ErrorCodes.InvalidArgument, ErrorCategory.BadInput, "--frames must be >= 1");
            string? path = parsed.GetValue(scene);
            var loader = new SceneLoader(BuiltInPlugins.Catalog());
            Func<LoadedScene> load = path is null ? () => throw new InvalidOperationException("no scene") : () => loader.Load(path);
            using var viewer = new ViewerApp(load, new ViewerOptions(width, height, VSync: false, Visible: false));
            context.Output.WriteLine($"bench view: {width}x{height} on {viewer.Context.DeviceName}, {viewer.Presenter.ImageFormat}, {viewer.Presenter.PresentMode}, {count} frames");
            Report(context, "present only (copy + blit + present)", MeasurePresent(viewer, width, height, count));
            if (path is not null)
            {
                double cpu = MeasureViewer(context, viewer, $"viewer frame, CPU colormap viewport ({Path.GetFileName(path)}: viewport + HUD + blend + present)", count);
                viewer.Dispose();
                // The default viewport (physml view --viewport gpu): the Vulkan renderer with glyphs, in the same process.
                using var gpuViewer = new ViewerApp(load, new ViewerOptions(width, height, VSync: false, Visible: false), c => new GpuViewportRenderer(c));
                double gpu = MeasureViewer(context, gpuViewer, $"viewer frame, GPU viewport ({Path.GetFileName(path)}: FrameRenderer + HUD + blend + present)", count);
                context.Output.WriteLine($"  GPU viewport / CPU viewport, mean ms per frame: {gpu / cpu:F2}x");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Starts the scene, runs 10 frames to warm up, reports <paramref name="count"/> frames; returns the mean ms.</summary>
    private static double MeasureViewer(CliContext context, ViewerApp viewer, string what, int count)
    {
        viewer.StartSimulation();
        for (int i = 0; i < 10; i++) viewer.RunFrame();
        double[] ms = Measure(count, () => viewer.RunFrame());
        Report(context, what, ms);
        context.Output.WriteLine($"  of which render {viewer.Timings.RenderMs:F2} ms, blend + present {viewer.Timings.PresentMs:F2} ms (smoothed); simulation frames meanwhile: {viewer.Simulation.FramesRun}");
        return ms.Average();
    }

    private static double[] MeasurePresent(ViewerApp viewer, int width, int height, int count)
    {
        var pixels = new uint[width * height];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = 0xFF000000u | (uint)(i * 2654435761u >> 8);
        var buffers = new GpuBuffer[SwapchainPresenter.FramesInFlight];
        for (int s = 0; s < buffers.Length; s++)
        {
            buffers[s] = viewer.Context.CreateBuffer(new BufferDescription((ulong)pixels.Length * 4, GpuBufferUsage.TransferSource, HostVisible: true), $"bench frame {s}");
            buffers[s].Upload<uint>(pixels);
        }

        try
        {
            for (int i = 0; i < 10; i++) viewer.Presenter.Present(buffers[viewer.Presenter.BeginFrame()], width, height);
            return Measure(count, () => { viewer.Window.PollEvents(); viewer.Presenter.Present(buffers[viewer.Presenter.BeginFrame()], width, height); });
        }
        finally
        {
            foreach (GpuBuffer buffer in buffers) buffer.Dispose();
        }
    }

    private static double[] Measure(int count, Action frame)
    {
        var ms = new double[count];
        for (int i = 0; i < count; i++)
        {
            long start = Stopwatch.GetTimestamp();
            frame();
            ms[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return ms;
    }

    private static void Report(CliContext context, string what, double[] ms)
    {
        double[] sorted = ms.Order().ToArray();
        context.Output.WriteLine($"  {what}: mean {ms.Average():F2} ms, median {sorted[sorted.Length / 2]:F2} ms, p95 {sorted[(int)(sorted.Length * 0.95)]:F2} ms ({1000 / ms.Average():F1} fps)");
    }
}
