using PhysML.Scenes.Recording;

namespace PhysML.Rendering.Tests;

[Collection(RenderCollection.Name)]
public sealed class FieldRendering2DTests
{
    // 40×30 cells in 160×120 pixels: 4 pixels per cell and the same aspect ratio, so there is no letterbox and cell
    // (i, j) covers pixels x in [4i, 4i+4), y in [4(29−j), 4(29−j)+4) (row 0 of the image is the top, j = 0 the bottom).
    private const int Nx = 40, Ny = 30, Width = 160, Height = 120;
    private static readonly RenderView Plain = new RenderView("f") with { Overlays = RenderOverlays.Obstacles };

    private static bool InHot(int i, int j) => i is >= 28 and <= 31 && j is >= 20 and <= 23;
    private static bool InCold(int i, int j) => i is >= 6 and <= 9 && j is >= 4 and <= 7;

    private static FieldSnapshot Plateaus() => Snapshots.Field2D("f", Nx, Ny, (i, j) =>
        InHot(i, j) ? 1.0 : InCold(i, j) ? 0.0 : 0.5 + 0.2 * Math.Sin(i / 5.0) * Math.Cos(j / 7.0));

    private static (int I, int J) CellOf(int x, int y) => (x / 4, Ny - 1 - y / 4);

    private static (int R, int G, int B) Colour(string map, double t)
    {
        var (r, g, b) = Colormap.Get(map).At(t);
        return (r, g, b);
    }

    [Fact]
    public void The_colormaps_ends_are_drawn_exactly_where_the_fields_extremes_are_and_the_frame_is_not_blank()
    {
        Image image;
        RenderedFrame frame;
        using (var harness = new RenderHarness(Width, Height))
        {
            frame = harness.Renderer.Render(Snapshots.Of(Plateaus()), Plain, harness.Target);
            image = new Image(harness.Target.ReadPixels(), Width, Height);
            Assert.Empty(harness.ValidationMessages);
        }
        Assert.Equal("viridis", frame.Colormap); // no negative values: the sequential map
        Assert.Equal(new ValueRange(0, 1), frame.Range);
        Assert.True(image.DistinctColours() > 50, $"only {image.DistinctColours()} colours: the frame is (nearly) blank");
        var top = Colour("viridis", 1);
        var bottom = Colour("viridis", 0);
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var (i, j) = CellOf(x, y);
                var pixel = image.At(x, y);
                // Interior pixels of a plateau (away from its bilinear rim) have its exact value; 1 level of rounding.
                if (InHot(i, j) && InHot(CellOf(x + 3, y).I, j) && InHot(CellOf(x - 3, y).I, j) && InHot(i, CellOf(x, y + 3).J) && InHot(i, CellOf(x, y - 3).J))
                    Assert.True(Image.Distance(pixel, top) <= 1, $"pixel ({x}, {y}) in the maximum is {pixel}, not the top colour {top}");
                // The ends of the map appear nowhere else (the rest of the field stays within [0.3, 0.7]).
                if (Image.Distance(pixel, top) <= 2) Assert.True(InHot(i, j) || InHot(CellOf(x + 2, y).I, j) || InHot(CellOf(x - 2, y).I, j) || InHot(i, CellOf(x, y + 2).J) || InHot(i, CellOf(x, y - 2).J), $"top colour at ({x}, {y}), cell ({i}, {j}), outside the maximum");
                if (Image.Distance(pixel, bottom) <= 2) Assert.True(InCold(i, j) || InCold(CellOf(x + 2, y).I, j) || InCold(CellOf(x - 2, y).I, j) || InCold(i, CellOf(x, y + 2).J) || InCold(i, CellOf(x, y - 2).J), $"bottom colour at ({x}, {y}), cell ({i}, {j}), outside the minimum");
            }
        }
        Assert.True(Image.Distance(image.At(4 * 8 + 2, 4 * (Ny - 1 - 5) + 2), bottom) <= 1, "the minimum's centre is not the bottom colour");
    }

    [Fact]
    public void Obstacle_cells_are_grey_pixels_and_no_other_pixel_is()
    {
        var solid = Snapshots.Field2D("solid", Nx, Ny, (i, j) => (i + 0.5 - 20) * (i + 0.5 - 20) + (j + 0.5 - 15) * (j + 0.5 - 15) < 25 ? 1 : 0);
        Image image;
        using (var harness = new RenderHarness(Width, Height))
        {
            image = harness.Render(new RenderSnapshot(0, 0, [Plateaus()], solid), Plain);
            Assert.Empty(harness.ValidationMessages);
        }
        var grey = (128, 128, 128); // OBSTACLE = 0.5 in render_common.glsl
        var solidPixels = 0;
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var (i, j) = CellOf(x, y);
                var isSolid = solid.Values[j * Nx + i] > 0.5f;
                solidPixels += isSolid ? 1 : 0;
                Assert.True(isSolid == (image.At(x, y) == grey), $"pixel ({x}, {y}) of cell ({i}, {j}): solid {isSolid}, colour {image.At(x, y)}");
            }
        }
        Assert.True(solidPixels > 600, "the disk covers about 80 cells of 16 pixels");
    }

    [Fact]
    public void A_wide_domain_is_letterboxed_with_background_bars_above_and_below()
    {
        Image image;
        using (var harness = new RenderHarness(Width, Height))
        {
            // 40×20 cells: 160×80 pixels at 4 per cell, centred, so rows 0–19 and 100–119 are bars.
            image = harness.Render(Snapshots.Of(Snapshots.Field2D("f", 40, 20, (i, j) => i + j)), Plain);
            Assert.Empty(harness.ValidationMessages);
        }
        var background = (28, 28, 31); // BACKGROUND (0.11, 0.11, 0.12) in 8 bits
        for (var x = 0; x < Width; x++)
        {
            foreach (var y in new[] { 0, 19, 100, 119 }) Assert.Equal(background, image.At(x, y));
            foreach (var y in new[] { 20, 60, 99 }) Assert.NotEqual(background, image.At(x, y));
        }
    }

    [Fact]
    public void A_signed_field_gets_the_diverging_map_centred_on_zero()
    {
        RenderedFrame frame;
        Image image;
        using (var harness = new RenderHarness(Width, Height))
        {
            // Values from −1 (left column) to 0.95: the range is made symmetric, ±1, so 0 is the map's white middle.
            var field = Snapshots.Field2D("f", Nx, Ny, (i, _) => (i - 20) / 20.0);
            frame = harness.Renderer.Render(Snapshots.Of(field), Plain, harness.Target);
            image = new Image(harness.Target.ReadPixels(), Width, Height);
            Assert.Empty(harness.ValidationMessages);
        }
        Assert.Equal("diverging", frame.Colormap);
        Assert.Equal(new ValueRange(-1, 1), frame.Range);
        // Pixel x = 82 is 0.125 cells right of cell 20's centre (value 0): t = 0.5 + 0.125/40 → within 2 levels of white.
        Assert.True(Image.Distance(image.At(82, 60), Colour("diverging", 0.5)) <= 2, $"zero is {image.At(82, 60)}");
        Assert.True(Image.Distance(image.At(0, 60), Colour("diverging", 0)) <= 2, $"−1 is {image.At(0, 60)}");
    }

    [Fact]
    public void Velocity_glyphs_are_drawn_only_when_asked_for_and_where_the_flow_is()
    {
        var field = Snapshots.Field2D("f", Nx, Ny, (_, _) => 0.0);
        // Flow to the right in cells 0–15, still from cell 17 on. Glyph centres every 8 cells (4, 12, 20, ...): the one at
        // x = 12 cells spans at most 12 ± 3.6 cells, so no glyph reaches pixel 70 (17.5 cells).
        var u = Enumerable.Range(0, Ny * (Nx + 1)).Select(n => n % (Nx + 1) <= 16 ? 1.0 : 0.0).ToArray();
        var v = new double[(Ny + 1) * Nx];
        var velocity = CellVelocity.FromComponents([Ny, Nx + 1], u, [Ny + 1, Nx], v)!;
        var snapshot = new RenderSnapshot(0, 0, [field], null, velocity);
        Image with, without;
        using (var harness = new RenderHarness(Width, Height))
        {
            with = harness.Render(snapshot, Plain with { Overlays = RenderOverlays.Glyphs, GlyphSpacing = 8 });
            without = harness.Render(snapshot, Plain);
            Assert.Empty(harness.ValidationMessages);
        }
        static bool Light((int R, int G, int B) c) => c.R > 180 && c.G > 180 && c.B > 180;
        var lightLeft = 0;
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                Assert.False(Light(without.At(x, y)), "no glyphs without the overlay");
                if (x >= 70) Assert.False(Light(with.At(x, y)), $"a glyph at ({x}, {y}) where the flow is still");
                else if (Light(with.At(x, y))) lightLeft++;
            }
        }
        Assert.True(lightLeft > 100, $"{lightLeft} glyph pixels in the moving half");
    }
}
