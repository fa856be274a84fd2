using System.CommandLine;
using System.Diagnostics;
using PhysML.Core.Errors;
using PhysML.Gpu;
using PhysML.Scenes.Loading;
using PhysML.Viewer;
using PhysML.Viewer.Presentation;

namespace PhysML.Cli;

/// <summary>
/// <c>physml bench view [SCENE]</c>: ms per presented frame at a window size (1280×720 by default), vsync off, in a
/// hidden window: the presenter alone (copy, blit, present of a ready RGBA8 buffer) and, with a scene, the viewer's whole
/// window frame (CPU colormap viewport, Skia HUD, GPU HUD blend, present) while the scene runs on its own thread.
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
                viewer.StartSimulation();
                for (int i = 0; i < 10; i++) viewer.RunFrame();
                Report(context, $"viewer frame ({Path.GetFileName(path)}: viewport + HUD + blend + present)", Measure(count, () => viewer.RunFrame()));
                context.Output.WriteLine($"  of which render {viewer.Timings.RenderMs:F2} ms, blend + present {viewer.Timings.PresentMs:F2} ms (smoothed); simulation frames meanwhile: {viewer.Simulation.FramesRun}");
            }

            return ExitCodes.Success;
        });
        return command;
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
