using PhysML.Core.Application;
using PhysML.Core.Errors;
using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;
using PhysML.Fluids.ThreeD;

namespace PhysML.Fluids.Tests;

/// <summary>Obstacles on keyframed paths, 2D and 3D: piecewise-linear positions, the segment slope as velocity.</summary>
public class KeyframePathTests
{
    private static readonly Keyframe[] Path =
    [
        new() { T = 0.0, X = 0.3, Y = 0.5, Z = 0.5 },
        new() { T = 0.2, X = 0.5, Y = 0.5, Z = 0.5 },   // 1 m/s along x
        new() { T = 0.4, X = 0.5, Y = 0.4, Z = 0.6 },   // −0.5 m/s along y, +0.5 m/s along z
    ];

    [Fact]
    public void Positions_interpolate_each_segment_and_the_velocity_is_its_slope_held_at_the_ends()
    {
        Assert.Equal((0.4, 0.5, 0.5), Round(KeyframePath.PositionAt(Path, 0.1)));
        Assert.Equal((1.0, 0.0, 0.0), Round(KeyframePath.VelocityAt(Path, 0.1)));
        Assert.Equal((0.5, 0.45, 0.55), Round(KeyframePath.PositionAt(Path, 0.3)));
        Assert.Equal((0.0, -0.5, 0.5), Round(KeyframePath.VelocityAt(Path, 0.3)));
        Assert.Equal((0.0, -0.5, 0.5), Round(KeyframePath.VelocityAt(Path, 0.2))); // a key starts the later segment
        Assert.Equal((0.5, 0.4, 0.6), Round(KeyframePath.PositionAt(Path, 7)));    // held after the last key
        Assert.Equal((0.0, 0.0, 0.0), Round(KeyframePath.VelocityAt(Path, 7)));
    }

    private static (double, double, double) Round((double X, double Y, double Z) p) =>
        (Math.Round(p.X, 12), Math.Round(p.Y, 12), Math.Round(p.Z, 12));

    [Fact]
    public void A_disk_on_a_path_is_rasterised_where_the_path_puts_it_and_its_faces_carry_the_segment_slope()
    {
        const int n = 32;
        var disk = new DiskObstacle { X = 0.3, Y = 0.5, Radius = 0.1, Path = [.. Path.Select(k => k with { Z = 0 })] };
        var shape = ObstacleShape.From(disk);
        var simulation = new FluidSimulation2D(new FluidDomain { Nx = n, Ny = n, CellSize = 1.0 / n, PressureTolerance = 1e-10, MaxCfl = 10 },
            new ObstacleSet2D([shape]));

        for (var s = 0; s < 6; s++) simulation.Step(0.05, Array.Empty<SmokeEmitter>()); // the last substep starts at t = 0.25

        var g = simulation.Grid;
        for (var j = 0; j < n; j++)
            for (var i = 0; i < n; i++)
            {
                var (x, y) = ((i + 0.5) / n, (j + 0.5) / n);
                var inside = (x - 0.5) * (x - 0.5) + (y - 0.475) * (y - 0.475) <= 0.01; // centre (0.5, 0.5 − 0.5·0.05)
                Assert.Equal(inside ? CellKind.Solid : CellKind.Fluid, simulation.Cells[g.Cell(i, j)]);
            }
        // A face inside the disk carries its velocity, the slope of the second segment.
        Assert.Equal(0, simulation.Velocity.U[g.U(n / 2, n / 2 - 1)], 12);
        Assert.Equal(-0.5, simulation.Velocity.V[g.V(n / 2, n / 2 - 1)], 12);
    }

    [Fact]
    public void A_sphere_on_a_3D_path_follows_it_in_z_and_carries_w()
    {
        const int n = 16;
        var grid = new MacGrid3D(n, n, n, 1.0 / n);
        var sphere = new SphereObstacle { X = 0.3, Y = 0.5, Z = 0.5, Radius = 0.15, Path = Path };
        var shape = ObstacleShape.From(sphere);
        var simulation = new FluidSimulation3D(grid, FlowBoundary3D.ClosedBox, new CellKind[grid.CellCount], new Buoyancy(),
            pressureTolerance: 1e-10, maxCfl: 10, obstacles: new ObstacleSet3D([shape]));

        for (var s = 0; s < 6; s++) simulation.Step(0.05, []);

        for (var k = 0; k < n; k++)
            for (var j = 0; j < n; j++)
                for (var i = 0; i < n; i++)
                    Assert.Equal(shape.ContainsAt(0.25, (i + 0.5) / n, (j + 0.5) / n, (k + 0.5) / n) ? CellKind.Solid : CellKind.Fluid,
                        simulation.Cells[grid.Cell(i, j, k)]);
        Assert.Equal((0.5, 0.475, 0.525), Round(KeyframePath.PositionAt(Path, 0.25)));
        var (ci, cj, ck) = (8, 7, 8); // the cell holding the centre (0.5, 0.475, 0.525)
        Assert.Equal(CellKind.Solid, simulation.Cells[grid.Cell(ci, cj, ck)]);
        Assert.Equal(0, simulation.Velocity.U[grid.U(ci, cj, ck)], 12);
        Assert.Equal(-0.5, simulation.Velocity.V[grid.V(ci, cj, ck)], 12);
        Assert.Equal(0.5, simulation.Velocity.W[grid.W(ci, cj, ck)], 12);
    }

    [Fact]
    public void Bad_paths_are_refused_naming_the_key_and_the_rule()
    {
        var one = new BoxObstacle { X = 0.5, Y = 0.5, Path = [new Keyframe { T = 0, X = 0.5, Y = 0.5 }] };
        var error = Assert.Single(one.Validate());
        Assert.Equal(("path", "a path needs at least 2 keyframes, got 1"), (error.Field, error.Message));

        var moving = new BoxObstacle { X = 0.5, Y = 0.5, VelocityX = 1, Path = [new Keyframe { T = 0, X = 0.5 }, new Keyframe { T = 1, X = 0.6 }] };
        Assert.Contains(moving.Validate(), e => e.Field == "path" && e.Message.Contains("remove velocityX/Y/Z and oscillation"));

        Assert.Equal("boxObstacle.path[1].z", Refusal(2, new BoxObstacle { X = 0.5, Y = 0.5, Path = [Key(0, 0.5, 0.5), Key(1, 0.6, 0.5) with { Z = 0.1 }] }).Field);
        var outside = Refusal(2, new BoxObstacle { X = 0.5, Y = 0.5, Width = 0.2, Path = [Key(0, 0.5, 0.5), Key(1, 0.95, 0.5)] });
        Assert.Equal("boxObstacle.path[1]", outside.Field);
        Assert.Contains("at keyframe 1 (t = 1 s) spans x ∈ [0.85, 1.05] m", outside.Message);
        var sdf = Refusal(3, new SdfObstacle { X = 0.4, Y = 0.5, Z = 0.5, X2 = 0.6, Y2 = 0.5, Z2 = 0.5, Radius = 0.06, Path = [Key(0, 0.4, 0.5) with { Z = 0.5 }, Key(1, 0.4, 0.5) with { Z = 0.99 }] });
        Assert.Equal("sdfObstacle.path[1]", sdf.Field);
        Assert.Contains("at keyframe 1 (t = 1 s) reaches outside the fluid domain [0, 1] × [0, 1] × [0, 1] m", sdf.Message);

        static Keyframe Key(double t, double x, double y) => new() { T = t, X = x, Y = y };
    }

    // The error Startup raises for one obstacle in a 1 m square (dimensions 2) or cube (3) of 16 cells per side.
    private static ComponentValueException Refusal(int dimensions, object obstacle)
    {
        var app = new App().AddPlugin(new FluidPlugin());
        app.World.Add(app.World.Create(), new FluidDomain { Nx = 16, Ny = 16, Nz = dimensions == 3 ? 16 : 0, CellSize = 1.0 / 16 });
        app.World.AddBoxed(app.World.Create(), obstacle);
        return Assert.Throws<ComponentValueException>(() => app.RunFrame(1));
    }
}
