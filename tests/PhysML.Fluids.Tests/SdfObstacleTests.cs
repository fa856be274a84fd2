using PhysML.Fields.Mac;

namespace PhysML.Fluids.Tests;

public class SdfObstacleTests
{
    [Theory]
    // A capsule from (0.3, 0.5) to (0.7, 0.5), radius 0.1: 0.1 below the surface on the axis, on it at an end cap's
    // tip, 0.1 outside straight above an end.
    [InlineData(0.5, 0.5, -0.1)]
    [InlineData(0.8, 0.5, 0.0)]
    [InlineData(0.7, 0.7, 0.1)]
    public void Capsule_distances_are_exact(double x, double y, double expected)
    {
        var capsule = new SdfObstacle { Shape = SdfShape.Capsule, X = 0.3, Y = 0.5, X2 = 0.7, Y2 = 0.5, Radius = 0.1 };

        Assert.Equal(expected, capsule.Distance(x, y), 12);
    }

    [Fact]
    public void A_rotated_rounded_box_and_a_ring_measure_from_their_surfaces()
    {
        // A 0.4 × 0.2 box turned 90°: its long side now runs along y.
        var box = new SdfObstacle { Shape = SdfShape.RoundedBox, X = 0.5, Y = 0.5, HalfWidth = 0.2, HalfHeight = 0.1, Angle = Math.PI / 2, Radius = 0.02 };
        Assert.Equal(-0.1, box.Distance(0.5, 0.5), 12);
        Assert.Equal(0.05, box.Distance(0.5, 0.75), 12);
        Assert.Equal(0.05, box.Distance(0.65, 0.5), 12);
        var ring = new SdfObstacle { Shape = SdfShape.Ring, X = 0.5, Y = 0.5, Radius = 0.2, Thickness = 0.04 };
        Assert.Equal(-0.02, ring.Distance(0.7, 0.5), 12);
        Assert.Equal(0.18, ring.Distance(0.5, 0.5), 12);
    }

    [Fact]
    public void The_rasterised_area_of_a_ring_approaches_the_exact_area_as_the_grid_refines()
    {
        // Staircasing errs by O(h) per unit of perimeter; the relative area error must shrink with h.
        var ring = new SdfObstacle { Shape = SdfShape.Ring, X = 0.5, Y = 0.5, Radius = 0.25, Thickness = 0.06 };
        var exact = Math.PI * (Math.Pow(0.28, 2) - Math.Pow(0.22, 2));
        double Error(int n)
        {
            var cells = new CellKind[n * n];
            new ObstacleSet2D(new[] { ObstacleShape.From(ring) }).Rasterise(0, new MacGrid2D(n, n, 1.0 / n), cells, new MacVelocity2D(new MacGrid2D(n, n, 1.0 / n)));
            return Math.Abs(cells.Count(c => c == CellKind.Solid) / (double)(n * n) - exact) / exact;
        }

        Assert.True(Error(256) < 0.02, $"256²: {Error(256):P2}");
        Assert.True(Error(256) < Error(32), $"32²: {Error(32):P2}, 256²: {Error(256):P2}");
    }
}
