using System.Runtime.CompilerServices;
using PhysML.Fluids;
using PhysML.Scenes.Loading;

namespace PhysML.Rendering.Tests;

[Collection(RenderCollection.Name)]
public sealed class ReferenceImageTests
{
    private const int Width = 320, Height = 240, Frames = 12;

    /// <summary>
    /// Renders reference/reference-smoke-2d.scene.json (48², a disk, seed fixed) after 12 frames and compares it with the
    /// stored PNG. Tolerance: the shaders compute in 32-bit floats, and another driver (a GPU instead of lavapipe) may
    /// fuse multiply-adds differently or evaluate exp and divisions to a few ulps, which moves a colour by at most one
    /// 8-bit level; only where a threshold flips (a glyph's anti-aliased rim, the 0.5 level of a mask) can a pixel change
    /// more. So: at most 0.5 % of pixels may differ by more than 2 levels, and the mean difference must stay below 0.5.
    /// The legend is off: its text is rasterised by Skia on the host from whatever font the machine has.
    /// Set PHYSML_UPDATE_REFERENCE=1 to rewrite the reference after an intended change.
    /// </summary>
    [Fact]
    public void An_offscreen_render_of_a_fixed_scene_matches_the_stored_reference_image()
    {
        var loaded = new SceneLoader(PluginCatalog.FromAssemblies(typeof(FluidPlugin).Assembly)).Load(Path.Combine(AppContext.BaseDirectory, "reference", "reference-smoke-2d.scene.json"));
        using var app = loaded.App;
        app.AddPlugin(new RenderExtractionPlugin { Fields = ["density"] });
        for (var f = 0; f < Frames; f++) app.RunFrame(loaded.File.Time.StepsPerFrame);
        Assert.True(app.World.Resource<SnapshotExchange>().TryTakeLatest(out var snapshot));
        Assert.Equal(Frames, snapshot.Frame);

        Image image;
        using (var harness = new RenderHarness(Width, Height))
        {
            var view = new RenderView("density") { Colormap = "inferno", Range = new ValueRange(0, 1.5), Overlays = RenderOverlays.Obstacles | RenderOverlays.Glyphs, GlyphSpacing = 6 };
            image = harness.Render(snapshot, view);
            Assert.Empty(harness.ValidationMessages);
        }
        var reference = Path.Combine(SourceDirectory(), "reference", "reference-smoke-2d.png");
        var update = Environment.GetEnvironmentVariable("PHYSML_UPDATE_REFERENCE") == "1";
        if (update) PngImage.Write(reference, image.Rgba, Width, Height);

        var (expected, width, height) = PngImage.Read(update ? reference : Path.Combine(AppContext.BaseDirectory, "reference", "reference-smoke-2d.png"));
        Assert.Equal((Width, Height), (width, height));
        int over = 0;
        double total = 0;
        for (var p = 0; p < Width * Height; p++)
        {
            var d = 0;
            for (var c = 0; c < 3; c++) d = Math.Max(d, Math.Abs(expected[4 * p + c] - image.Rgba[4 * p + c]));
            over += d > 2 ? 1 : 0;
            total += d;
        }
        Assert.True(over <= Width * Height / 200, $"{over} pixels differ by more than 2 levels");
        Assert.True(total / (Width * Height) < 0.5, $"mean difference {total / (Width * Height):F3} levels");
        Assert.True(image.DistinctColours() > 100, "the reference scene renders (nearly) blank");
    }

    private static string SourceDirectory([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
