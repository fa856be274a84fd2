using PhysML.Fluids;
using PhysML.Heat;
using PhysML.Scenes.Loading;
using PhysML.Viewer.Input;

namespace PhysML.Viewer.Tests;

/// <summary>A hidden <see cref="ViewerApp"/> on a scene from scenes/, validation on, frames kept for inspection.</summary>
internal static class ViewerHarness
{
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PhysML.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("PhysML.sln not found above the test binaries");
    }

    public static Func<LoadedScene> Scene(string name)
    {
        var loader = new SceneLoader(PluginCatalog.FromAssemblies(typeof(HeatPlugin).Assembly, typeof(FluidPlugin).Assembly, typeof(PhysML.Fields.Probes.ProbesPlugin).Assembly));
        string path = Path.Combine(RepoRoot(), "scenes", name + ".scene.json");
        return () => loader.Load(path);
    }

    public static ViewerApp Open(Func<LoadedScene> load, int width = 320, int height = 240, string? screenshots = null)
    {
        var viewer = DisplayRetry.Open(() => new ViewerApp(load, new ViewerOptions(width, height, VSync: false, ScreenshotDirectory: screenshots, Visible: false,
            EnableValidation: true, StartPaused: true)) { KeepFrames = true });
        viewer.StartSimulation();
        return viewer;
    }

    public static void Press(this ViewerApp viewer, int key) => viewer.Window.Input.Enqueue(InputEvent.KeyPress(key));

    /// <summary>Runs window frames until <paramref name="done"/> holds; bounded by a frame count, never by a clock.</summary>
    public static void RunUntil(this ViewerApp viewer, Func<ViewerApp, bool> done, string what, int maxFrames = 20_000)
    {
        for (int i = 0; i < maxFrames; i++)
        {
            Assert.True(viewer.RunFrame(), "the window closed");
            if (done(viewer)) return;
            Assert.True(viewer.Shown.Error is null || what.Contains("error"), $"waiting for {what}, the simulation failed: {viewer.Shown.Error}");
            // Give the simulation thread the CPU on a 2-core machine; correctness does not depend on this pause.
            Thread.Sleep(2);
        }

        Assert.Fail($"{what} did not happen within {maxFrames} window frames (shown frame {viewer.Shown.Frame}, error: {viewer.Shown.Error})");
    }
}
