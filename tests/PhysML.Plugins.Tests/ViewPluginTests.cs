using PhysML.Cli.Tests;

namespace PhysML.Plugins.Tests;

/// <summary><c>physml view --plugin X.dll</c> finds plugins as <c>run</c> does; the scene is loaded with them before a
/// window opens, so what these tests check holds on a machine with or without a display.</summary>
public class ViewPluginTests
{
    [Fact]
    public void View_loads_a_scene_that_needs_a_DLL_plugin_given_with_plugin()
    {
        using var temp = new TempDirectory();
        var scene = SamplePlugins.Scene(SamplePlugins.Vortex, "vortex.scene.json");

        var without = CliRun.Of("view", scene, "--out", temp.Path, "--capture-at", "1");
        var with = CliRun.Of("view", scene, "--plugin", SamplePlugins.Dll(SamplePlugins.Vortex), "--out", temp.Path, "--capture-at", "1");

        Assert.Equal(2, without.ExitCode);
        Assert.Contains("PML0104", without.Error);
        Assert.Contains("unknown plugin 'samples.vortex'", without.Error);
        // With the plugin the scene loads; then the window opens (a screenshot of frame 1, exit 0) or, without a
        // display, the window is what fails (PML07xx), never the scene.
        Assert.DoesNotContain("PML0104", with.Error);
        Assert.True(with.ExitCode == 0 || with.Error.Contains("error PML07"), with.ToString());
    }

    [Fact]
    public void A_missing_plugin_DLL_is_PML0802_before_any_window()
    {
        var run = CliRun.Of("view", SamplePlugins.Scene(SamplePlugins.Vortex, "vortex.scene.json"), "--plugin", "/nonexistent/Missing.dll");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error PML0802: plugin /nonexistent/Missing.dll not found", run.Error);
    }
}
