using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;
using PhysML.Solvers.Pressure;
using PhysML.Solvers.Pressure3D;

namespace PhysML.Solvers.Tests;

/// <summary>Pressure systems with obstacles, the shape of the shipped smoke scenes, with seeded compatible right-hand sides.</summary>
internal static class ObstacleSystems
{
    private static readonly FlowSide Wall = new(SideKind.NoSlip);

    /// <summary>smoke-obstacle-3d's layout at n³: a sphere of radius 0.12 at (0.55, 0.55, 0.5), walls, open top
    /// (or a closed box, singular, when <paramref name="closed"/>).</summary>
    public static (PressurePoisson3D A, double[] B) Sphere3D(int n, bool closed = false, int seed = 3)
    {
        var grid = new MacGrid3D(n, n, n, 1.0 / n);
        var cells = new CellKind[grid.CellCount];
        for (var k = 0; k < n; k++)
            for (var j = 0; j < n; j++)
                for (var i = 0; i < n; i++)
                {
                    var (x, y, z) = ((i + 0.5) / n - 0.55, (j + 0.5) / n - 0.55, (k + 0.5) / n - 0.5);
                    if (x * x + y * y + z * z < 0.12 * 0.12) cells[grid.Cell(i, j, k)] = CellKind.Solid;
                }
        var top = closed ? Wall : new FlowSide(SideKind.Outflow);
        var a = new PressurePoisson3D(grid, new FlowBoundary3D(Wall, Wall, Wall, top, Wall, Wall), cells);
        return (a, RightHandSide(a, seed));
    }

    /// <summary>A disk of radius 0.15 at (0.4, 0.55) in an n² box with walls and an open top (or closed).</summary>
    public static (PressurePoisson2D A, double[] B) Disk2D(int n, bool closed = false, int seed = 3)
    {
        var grid = new MacGrid2D(n, n, 1.0 / n);
        var cells = new CellKind[grid.CellCount];
        for (var j = 0; j < n; j++)
            for (var i = 0; i < n; i++)
            {
                var (x, y) = ((i + 0.5) / n - 0.4, (j + 0.5) / n - 0.55);
                if (x * x + y * y < 0.15 * 0.15) cells[grid.Cell(i, j)] = CellKind.Solid;
            }
        var a = new PressurePoisson2D(grid, new FlowBoundary(Wall, Wall, Wall, closed ? Wall : new FlowSide(SideKind.Outflow)), cells);
        return (a, RightHandSide(a, seed));
    }

    // Uniform noise on the unknowns; for a singular operator the mean is removed so the system is compatible.
    private static double[] RightHandSide(IPoissonStencil a, int seed)
    {
        var random = new Random(seed);
        var b = new double[a.Size];
        var (sum, count) = (0.0, 0);
        for (var n = 0; n < b.Length; n++)
        {
            if (!a.IsUnknown(n)) continue;
            b[n] = random.NextDouble() - 0.5;
            sum += b[n];
            count++;
        }
        if (a.IsSingular)
            for (var n = 0; n < b.Length; n++)
                if (a.IsUnknown(n)) b[n] -= sum / count;
        return b;
    }
}
