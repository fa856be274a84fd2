namespace PhysML.Rendering.Tests;

/// <summary>
/// Panning the orbit camera slides the picture without turning it: an obstacle's pixel centroid moves by the
/// amount the projection (<see cref="Snapshots.Project"/>, the inverse of volume.comp's rays) predicts for its centre,
/// opposite to the pan, and zooming in makes it larger.
/// </summary>
[Collection(RenderCollection.Name)]
public sealed class CameraPanTests
{
    private const int N = 24, Width = 160, Height = 120;

    private static readonly FieldSnapshot Empty = Snapshots.Field3D("density", N, (_, _, _) => 0);

    // A sphere of radius 4 cells at the domain's centre, which the default camera looks at.
    private static readonly FieldSnapshot Sphere = Snapshots.Field3D("solid", N, (i, j, k) =>
        Math.Pow(i + 0.5 - 12, 2) + Math.Pow(j + 0.5 - 12, 2) + Math.Pow(k + 0.5 - 12, 2) < 16 ? 1 : 0);

    [Theory]
    [InlineData(0.15, 0.0)]
    [InlineData(0.0, 0.1)]
    [InlineData(-0.1, -0.05)]
    public void Panning_moves_the_obstacle_where_the_projection_says(double right, double up)
    {
        var still = OrbitCamera.Default;
        var panned = still with { Pan = (right, up) };
        (double X, double Y, int Count) before, after;
        using (var harness = new RenderHarness(Width, Height))
        {
            before = ObstacleCentroid(harness, still);
            after = ObstacleCentroid(harness, panned);
            Assert.Empty(harness.ValidationMessages);
        }

        var (x0, y0) = Snapshots.Project(still, N, Width, Height, 12, 12, 12);
        var (x1, y1) = Snapshots.Project(panned, N, Width, Height, 12, 12, 12);
        // Panning right moves the picture left, panning up moves it down (image rows go down).
        Assert.Equal(Math.Sign(-right), Math.Sign(x1 - x0));
        Assert.Equal(Math.Sign(up), Math.Sign(y1 - y0));
        // The centroid moves as the centre's projection does, within 1.5 pixels (the projection floors to a pixel and the
        // silhouette is a voxelised sphere); the obstacle keeps its size (±10 %: a slightly different perspective).
        Assert.InRange(after.X - before.X, x1 - x0 - 1.5, x1 - x0 + 1.5);
        Assert.InRange(after.Y - before.Y, y1 - y0 - 1.5, y1 - y0 + 1.5);
        Assert.InRange(after.Count, 0.9 * before.Count, 1.1 * before.Count);
    }

    [Fact]
    public void Zooming_in_enlarges_the_obstacle_about_the_centre()
    {
        (double X, double Y, int Count) far, near;
        using (var harness = new RenderHarness(Width, Height))
        {
            far = ObstacleCentroid(harness, OrbitCamera.Default);
            near = ObstacleCentroid(harness, OrbitCamera.Default with { Distance = OrbitCamera.Default.Distance / 1.5 });
            Assert.Empty(harness.ValidationMessages);
        }

        // Distance to the sphere's centre shrinks by 1.5, so its silhouette's area grows by about 1.5² (perspective of a
        // sphere of radius 4 seen from ~50 cells: within 20 %); its centre stays at the target's pixel.
        Assert.InRange(near.Count / (double)far.Count, 1.5 * 1.5 * 0.8, 1.5 * 1.5 * 1.2);
        Assert.InRange(near.X - far.X, -1.5, 1.5);
        Assert.InRange(near.Y - far.Y, -1.5, 1.5);
    }

    /// <summary>The mean pixel of the obstacle: the pixels that differ from the same view without it.</summary>
    private static (double X, double Y, int Count) ObstacleCentroid(RenderHarness harness, OrbitCamera camera)
    {
        var view = new RenderView("density") { Camera = camera, Overlays = RenderOverlays.Obstacles };
        var with = harness.Render(new RenderSnapshot(0, 0, [Empty], Sphere), view);
        var without = harness.Render(new RenderSnapshot(0, 0, [Empty], null), view);
        double sx = 0, sy = 0;
        var count = 0;
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                if (Image.Distance(with.At(x, y), without.At(x, y)) <= 8) continue;
                sx += x;
                sy += y;
                count++;
            }
        }

        Assert.True(count > 30, $"the obstacle covers only {count} pixels");
        return (sx / count, sy / count, count);
    }
}
