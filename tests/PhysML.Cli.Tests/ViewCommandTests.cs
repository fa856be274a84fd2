using PhysML.Core.Errors;

namespace PhysML.Cli.Tests;

/// <summary>
/// <c>physml view</c>'s arguments are checked before a window opens, so bad input is exit 2 with a code on any machine,
/// display or not. (The window itself is tested under Xvfb in PhysML.Viewer.Tests.)
/// </summary>
public class ViewCommandTests
{
    [Theory]
    [InlineData("12x5")]
    [InlineData("1280")]
    [InlineData("axb")]
    public void A_bad_size_is_PML0107_before_any_window(string size)
    {
        var run = CliRun.Of("view", TempDirectory.Scene("heat-plate.scene.json"), "--size", size);
        Assert.True(run.ExitCode == ExitCodes.BadInput, run.ToString());
        Assert.Contains($"error {ErrorCodes.InvalidArgument}: --size must be WxH", run.Error);
    }

    [Fact]
    public void A_missing_screenshot_directory_is_PML0107()
    {
        var run = CliRun.Of("view", TempDirectory.Scene("heat-plate.scene.json"), "--out", "/nonexistent/physml-shots");
        Assert.True(run.ExitCode == ExitCodes.BadInput, run.ToString());
        Assert.Contains("--out: directory '/nonexistent/physml-shots' does not exist", run.Error);
    }

    [Fact]
    public void A_bad_scene_fails_with_its_own_code_before_any_window()
    {
        var run = CliRun.Of("view", "/nonexistent/none.scene.json");
        Assert.True(run.ExitCode == ExitCodes.BadInput, run.ToString());
        Assert.Contains(ErrorCodes.SceneNotFound, run.Error);
    }

    [Fact]
    public void Vsync_accepts_only_on_and_off()
    {
        var run = CliRun.Of("view", TempDirectory.Scene("heat-plate.scene.json"), "--vsync", "maybe");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
    }
}
