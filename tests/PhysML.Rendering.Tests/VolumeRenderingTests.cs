using PhysML.Scenes.Recording;

namespace PhysML.Rendering.Tests;

[Collection(RenderCollection.Name)]
public sealed class VolumeRenderingTests
{
    private const int N = 24, Width = 160, Height = 120;
    private static readonly OrbitCamera Camera = OrbitCamera.Default;

    private static FieldSnapshot Blob(double cx, double cy, double cz, double radius, double peak) =>
        Snapshots.Field3D("density", N, (i, j, k) =>
        {
            var r2 = Math.Pow(i + 0.5 - cx, 2) + Math.Pow(j + 0.5 - cy, 2) + Math.Pow(k + 0.5 - cz, 2);
            return peak * Math.Exp(-r2 / (radius * radius));
        });

    private static (int X, int Y) Pixel(double x, double y, double z) => Snapshots.Project(Camera, N, Width, Height, x, y, z);

    [Fact]
    public void Smoke_is_visible_where_the_density_is_and_the_background_shows_everywhere_else()
    {
        // Both snapshots have the same range (peak 1 at one cell in the empty one), so the same extinction.
        var smoke = Blob(6, 18, 12, 2.5, 1);
        var empty = Blob(6, 18, 12, 0.01, 1);
        Image withSmoke, withoutSmoke;
        using (var harness = new RenderHarness(Width, Height))
        {
            var view = new RenderView("density") { Camera = Camera, Overlays = RenderOverlays.Smoke, SmokeOpacity = 1 };
            withSmoke = harness.Render(Snapshots.Of(smoke), view);
            withoutSmoke = harness.Render(Snapshots.Of(empty), view);
            Assert.Empty(harness.ValidationMessages);
        }
        var (bx, by) = Pixel(6, 18, 12);
        var lit = withSmoke.At(bx, by);
        Assert.True(lit.R - withoutSmoke.At(bx, by).R > 60, $"the blob's centre pixel ({bx}, {by}) is {lit}, the background there {withoutSmoke.At(bx, by)}");
        // Away from the blob (more than 2.5 radii on screen), smoke and no smoke give the same pixel: the background.
        var blobRadiusPixels = Math.Abs(Pixel(6 + 2.5, 18, 12).X - bx) + Math.Abs(Pixel(6, 18 + 2.5, 12).Y - by);
        var changed = 0;
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var differs = Image.Distance(withSmoke.At(x, y), withoutSmoke.At(x, y)) > 1;
                changed += differs ? 1 : 0;
                var far = Math.Sqrt((x - bx) * (x - bx) + (y - by) * (y - by)) > 2.5 * blobRadiusPixels + 3;
                if (far) Assert.False(differs, $"pixel ({x}, {y}) far from the smoke changed: {withSmoke.At(x, y)} vs {withoutSmoke.At(x, y)}");
            }
        }
        Assert.True(changed > 20, $"only {changed} pixels show smoke");
    }

    [Fact]
    public void An_obstacle_is_a_shaded_grey_surface_where_its_cells_project()
    {
        var density = Snapshots.Field3D("density", N, (_, _, _) => 0);
        var sphere = Snapshots.Field3D("solid", N, (i, j, k) => Math.Pow(i + 0.5 - 12, 2) + Math.Pow(j + 0.5 - 12, 2) + Math.Pow(k + 0.5 - 12, 2) < 25 ? 1 : 0);
        Image with, without;
        using (var harness = new RenderHarness(Width, Height))
        {
            var view = new RenderView("density") { Camera = Camera };
            with = harness.Render(new RenderSnapshot(0, 0, [density], sphere), view with { Overlays = RenderOverlays.Obstacles | RenderOverlays.Smoke });
            without = harness.Render(new RenderSnapshot(0, 0, [density], sphere), view with { Overlays = RenderOverlays.Smoke });
            Assert.Empty(harness.ValidationMessages);
        }
        var (cx, cy) = Pixel(12, 12, 12);
        var centre = with.At(cx, cy);
        Assert.True(Math.Abs(centre.R - centre.G) <= 2 && Math.Abs(centre.G - centre.B) <= 2, $"the sphere's centre pixel {centre} is not grey");
        Assert.True(centre.R - without.At(cx, cy).R > 40, $"the sphere's centre pixel {centre} does not stand out from {without.At(cx, cy)}");
        // Lit from above: the upper part of the sphere is brighter than the lower.
        var (_, topY) = Pixel(12, 15.5, 12);
        var (_, bottomY) = Pixel(12, 8.5, 12);
        Assert.True(with.At(cx, topY).R > with.At(cx, bottomY).R + 10, $"top {with.At(cx, topY)} vs bottom {with.At(cx, bottomY)}");
        // Well outside the sphere's outline nothing changes.
        var (farX, farY) = Pixel(3, 3, 21);
        Assert.Equal(without.At(farX, farY), with.At(farX, farY));
    }

    [Fact]
    public void The_slice_plane_shows_the_field_colormapped_at_the_right_places()
    {
        // A ramp along x; 3D, no density: the field is drawn on the default slice z = ½.
        var ramp = Snapshots.Field3D("temperature", N, (i, _, _) => i + 0.5);
        Image image;
        RenderedFrame frame;
        using (var harness = new RenderHarness(Width, Height))
        {
            frame = harness.Renderer.Render(Snapshots.Of(ramp), new RenderView("temperature") { Camera = Camera, Overlays = RenderOverlays.None }, harness.Target);
            image = new Image(harness.Target.ReadPixels(), Width, Height);
            Assert.Empty(harness.ValidationMessages);
        }
        Assert.Equal(new ValueRange(0.5, N - 0.5), frame.Range);
        foreach (var x in new[] { 0.2 * N, 0.5 * N, 0.8 * N })
        {
            var (px, py) = Pixel(x, 0.5 * N, 0.5 * N);
            // The pixel's ray meets the plane within about half a cell of x (the projection rounds to a pixel, 0.3 cells
            // here): a colour within t ± 0.5/23 of the map, 6 levels at viridis' steepest.
            var (r, g, b) = Colormap.Get("viridis").At((x - 0.5) / (N - 1));
            Assert.True(Image.Distance(image.At(px, py), (r, g, b)) <= 6, $"slice at x = {x} cells: pixel {image.At(px, py)}, expected {(r, g, b)}");
        }
    }

    [Fact]
    public void A_y_slice_plane_shows_the_field_at_that_height()
    {
        // A ramp along y on the plane y = ¼ seen from above (pitch 1.2 rad): the plane's colour is the ramp's value there.
        var ramp = Snapshots.Field3D("temperature", N, (_, j, _) => j + 0.5);
        var camera = Camera with { Pitch = 1.2 };
        Image image;
        using (var harness = new RenderHarness(Width, Height))
        {
            var view = new RenderView("temperature") { Camera = camera, Slice = new SlicePlane(SliceAxis.Y, 0.25), Overlays = RenderOverlays.None };
            image = harness.Render(Snapshots.Of(ramp), view);
            Assert.Empty(harness.ValidationMessages);
        }
        var (px, py) = Snapshots.Project(camera, N, Width, Height, 0.5 * N, 0.25 * N, 0.5 * N);
        var (r, g, b) = Colormap.Get("viridis").At((0.25 * N - 0.5) / (N - 1));
        Assert.True(Image.Distance(image.At(px, py), (r, g, b)) <= 4, $"pixel {image.At(px, py)}, expected {(r, g, b)}");
    }

    [Theory]
    [InlineData("range")]
    [InlineData("opacity")]
    [InlineData("slice")]
    [InlineData("colormap")]
    public void A_view_setting_out_of_range_is_refused_naming_it(string broken)
    {
        var view = new RenderView("density");
        view = broken switch
        {
            "range" => view with { Range = new ValueRange(1, 1) },
            "opacity" => view with { SmokeOpacity = -1 },
            "slice" => view with { Slice = new SlicePlane(SliceAxis.X, 1.5) },
            _ => view with { Colormap = "jet" },
        };
        using var harness = new RenderHarness(32, 32);
        var error = Assert.Throws<ArgumentException>(() => harness.Renderer.Render(Snapshots.Of(Blob(12, 12, 12, 3, 1)), view, harness.Target));
        Assert.StartsWith("RenderView.", error.Message);
        Assert.Empty(harness.ValidationMessages);
    }
}
