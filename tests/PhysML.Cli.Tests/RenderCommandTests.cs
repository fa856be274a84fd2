using System.Text.Json;
using PhysML.Rendering;

namespace PhysML.Cli.Tests;

/// <summary><c>physml run --render / --video</c> and <c>physml bench render</c> on lavapipe (no window, no display).</summary>
public class RenderCommandTests
{
    [Fact]
    public void Run_with_render_writes_rendered_pngs_of_the_requested_size_for_every_frame()
    {
        using var temp = new TempDirectory();
        var outDir = temp.Sub("rendered");
        var run = CliRun.Of("run", TempDirectory.Scene("heat-plate.scene.json"), "--frames", "2", "--out", outDir, "--render", "--size", "96x64");
        Assert.True(run.ExitCode == 0, run.ToString());
        var frames = Directory.GetFiles(Path.Combine(outDir, "frames")).Select(f => Path.GetFileName(f)).Order().ToArray();
        Assert.Equal(new[] { "000000.png", "000001.png", "000002.png" }, frames);
        var (rgba, width, height) = PngImage.Read(Path.Combine(outDir, "frames", "000002.png"));
        Assert.Equal((96, 64), (width, height));
        // Rendered, not blank: the plate's colours plus the legend.
        var colours = Enumerable.Range(0, width * height).Select(p => (rgba[4 * p], rgba[4 * p + 1], rgba[4 * p + 2])).Distinct().Count();
        Assert.True(colours > 30, $"{colours} colours");
    }

    [Fact]
    public void With_render_a_timeline_screenshot_is_the_rendered_frame_not_the_colormap_picture()
    {
        using var temp = new TempDirectory();
        var scene = temp.File("shot.scene.json", File.ReadAllText(TempDirectory.Scene("heat-plate.scene.json")).TrimEnd().TrimEnd('}').TrimEnd().TrimEnd(',') +
            """, "timeline": [ { "at": { "frame": 2 }, "screenshot": { "name": "two" } } ] }""");
        var rendered = temp.Sub("rendered");
        var run = CliRun.Of("run", scene, "--frames", "3", "--out", rendered, "--render", "--size", "96x64");
        Assert.True(run.ExitCode == 0, run.ToString());
        var shot = File.ReadAllBytes(Path.Combine(rendered, "screenshots", "two.png"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(rendered, "frames", "000002.png")), shot);
        var (_, width, height) = PngImage.Read(Path.Combine(rendered, "screenshots", "two.png"));
        Assert.Equal((96, 64), (width, height));

        // Without --render the screenshot is the colormap picture, as frames/ are then.
        var plain = temp.Sub("plain");
        Assert.Equal(0, CliRun.Of("run", scene, "--frames", "3", "--out", plain).ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(plain, "frames", "000002.png")), File.ReadAllBytes(Path.Combine(plain, "screenshots", "two.png")));
        Assert.NotEqual(shot, File.ReadAllBytes(Path.Combine(plain, "screenshots", "two.png")));
    }

    [Fact]
    public void Video_encodes_the_frames_into_a_non_empty_mp4_linked_from_the_report()
    {
        using var temp = new TempDirectory();
        var outDir = temp.Sub("video");
        var video = temp.Sub("plate.mp4");
        var run = CliRun.Of("run", TempDirectory.Scene("heat-plate.scene.json"), "--frames", "4", "--out", outDir, "--video", video, "--size", "64x48");
        Assert.True(run.ExitCode == 0, run.ToString());
        var bytes = File.ReadAllBytes(video);
        Assert.True(bytes.Length > 1000, $"{bytes.Length} bytes");
        Assert.Equal("ftyp"u8.ToArray(), bytes[4..8]); // an ISO media file starts with its ftyp box
        Assert.Empty(Directory.GetFiles(temp.Path, ".*.tmp")); // the temp file was renamed, not left behind
        Assert.Contains("## Video", File.ReadAllText(Path.Combine(outDir, "report.md")));
        Assert.Contains("../plate.mp4", File.ReadAllText(Path.Combine(outDir, "report.md")));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal(Path.GetFullPath(video), summary.RootElement.GetProperty("video").GetString());
    }

    [Theory]
    [InlineData("--size", "12x9000", "PML0703")]
    [InlineData("--size", "wide", "PML0703")]
    [InlineData("--render-field", "pressure", "PML0701")]
    public void Bad_render_options_are_coded_errors_before_anything_is_written(string option, string value, string code)
    {
        using var temp = new TempDirectory();
        var outDir = temp.Sub("bad");
        var run = CliRun.Of("run", TempDirectory.Scene("heat-plate.scene.json"), "--frames", "1", "--out", outDir, "--render", option, value);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(code, run.Error);
        Assert.False(Directory.Exists(outDir), "nothing is written for bad options");
    }

    [Fact]
    public void A_scene_without_a_2D_or_3D_field_is_PML0702_before_the_run()
    {
        using var temp = new TempDirectory();
        var outDir = temp.Sub("flat");
        var run = CliRun.Of("run", TempDirectory.Scene("burgers-1d.scene.json"), "--frames", "1", "--out", outDir, "--render");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("PML0702", run.Error);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Bench_render_prints_extract_render_and_readback_per_frame()
    {
        using var temp = new TempDirectory();
        var png = temp.Sub("bench.png");
        var run = CliRun.Of("bench", "render", TempDirectory.Scene("heat-plate.scene.json"), "--size", "64x48", "--frames", "2", "--warmup", "1", "--png", png);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("extract", run.Output);
        Assert.Contains("readback", run.Output);
        Assert.Contains("at 64x48 on", run.Output);
        Assert.True(File.Exists(png));
    }
}
