using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Errors;
using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;
using PhysML.Fluids.ThreeD;

namespace PhysML.Fluids.Tests.ThreeD;

/// <summary>Box and signed-distance obstacles in 3D, static and kinematic.</summary>
public class Obstacles3DTests
{
    [Fact]
    public void The_3D_signed_distances_are_exact_for_a_capsule_a_box_and_a_torus()
    {
        // Distances worked out by hand: along a capsule's axis direction in space, off a box face and edge, from a torus.
        var capsule = new SdfObstacle { Shape = SdfShape.Capsule, X = 0.2, Y = 0.2, Z = 0.2, X2 = 0.6, Y2 = 0.6, Z2 = 0.6, Radius = 0.05 };
        Assert.Equal(-0.05, capsule.Distance(0.4, 0.4, 0.4), 12);                          // on the axis
        Assert.Equal(Math.Sqrt(3 * 0.01) - 0.05, capsule.Distance(0.1, 0.1, 0.1), 12);     // beyond the first end
        var box = new SdfObstacle { Shape = SdfShape.RoundedBox, X = 0.5, Y = 0.5, Z = 0.5, HalfWidth = 0.2, HalfHeight = 0.1, HalfDepth = 0.15, Radius = 0.01 };
        Assert.Equal(-0.1, box.Distance(0.5, 0.5, 0.5), 12);                               // the nearest face is y's
        Assert.Equal(0.05, box.Distance(0.5, 0.5, 0.7), 12);                               // 5 cm off the front face
        var torus = new SdfObstacle { Shape = SdfShape.Ring, X = 0.5, Y = 0.5, Z = 0.5, Radius = 0.2, Thickness = 0.04 };
        Assert.Equal(-0.02, torus.Distance(0.7, 0.5, 0.5), 12);                            // on the tube's centre line
        Assert.Equal(0.1 - 0.02, torus.Distance(0.7, 0.5, 0.6), 12);                       // 0.1 m above it
        Assert.Equal(torus.Distance(0.7, 0.5), torus.Distance(0.7, 0.5, 0.5), 12);         // the 2D ring is its section
    }

    [Fact]
    public void A_box_moving_with_a_uniform_stream_leaves_the_stream_undisturbed()
    {
        // Galilean check, as in 2D: in a periodic box flowing uniformly at U, a box moving at U is at rest relative to
        // the fluid, so u = U, v = w = 0 stays exact while it travels (to the pressure solve's 1e-12).
        const int n = 16;
        var grid = new MacGrid3D(2 * n, n, n, 1.0 / n);
        var box = new BoxObstacle { X = 0.5, Y = 0.5, Z = 0.5, Width = 0.3, Height = 0.25, Depth = 0.35, VelocityX = 0.5 };
        var simulation = new FluidSimulation3D(grid, FlowBoundary3D.All(new FlowSide(SideKind.Periodic)), new CellKind[grid.CellCount],
            new Buoyancy(), pressureTolerance: 1e-12, maxCfl: 10, obstacles: new ObstacleSet3D([ObstacleShape.From3D(box)]));
        // The stream replaces what the constructor's projection made of the box pushing fluid at rest.
        Array.Fill(simulation.Velocity.U, 0.5);
        Array.Clear(simulation.Velocity.V);
        Array.Clear(simulation.Velocity.W);
        var solidAtStart = simulation.Cells.Count(c => c == CellKind.Solid);

        for (var s = 0; s < 10; s++) simulation.Step(0.05, []); // the box moves 0.25 m

        Assert.All(simulation.Velocity.U, u => Assert.Equal(0.5, u, 9));
        Assert.All(simulation.Velocity.V, v => Assert.Equal(0, v, 9));
        Assert.All(simulation.Velocity.W, w => Assert.Equal(0, w, 9));
        Assert.Equal(CellKind.Solid, simulation.Cells[grid.Cell((int)(0.75 * n), n / 2, n / 2)]);
        Assert.Equal(CellKind.Fluid, simulation.Cells[grid.Cell((int)(0.4 * n), n / 2, n / 2)]);
        // 0.3 m spans 4 or 5 cell centres along x as the box slides; 4 along y and 6 along z always.
        Assert.Equal(96, solidAtStart);
        Assert.Contains(simulation.Cells.Count(c => c == CellKind.Solid), new[] { 96, 120 });
    }

    [Fact]
    public void An_oscillating_capsule_pushes_fluid_at_rest_carries_its_velocity_and_keeps_it_divergence_free()
    {
        // A rod along x swinging along z in a closed box: its faces carry its velocity (the projection's solid boundary
        // condition), the fluid around it moves, and the divergence stays at the solve's level.
        const int n = 16;
        var grid = new MacGrid3D(n, n, n, 1.0 / n);
        var rod = new SdfObstacle
        {
            Shape = SdfShape.Capsule, X = 0.3, Y = 0.5, Z = 0.5, X2 = 0.7, Y2 = 0.5, Z2 = 0.5, Radius = 0.1,
            Oscillation = new Oscillation { AmplitudeZ = 0.15, Frequency = 0.5 },
        };
        var shape = ObstacleShape.From3D(rod);
        var simulation = new FluidSimulation3D(grid, FlowBoundary3D.ClosedBox, new CellKind[grid.CellCount], new Buoyancy(),
            pressureTolerance: 1e-10, maxCfl: 10, obstacles: new ObstacleSet3D([shape])) { Viscosity = 1e-3 };

        for (var s = 0; s < 6; s++)
        {
            var report = simulation.Step(0.05, []);
            Assert.True(report.MaxDivergence * grid.CellSize / FluidDiagnostics3D.MaxFaceSpeed(simulation.Velocity) < 1e-6);
        }

        var start = simulation.Time - 0.05; // the last substep rasterised the rod where it was when it began
        for (var k = 0; k < n; k++)
            for (var j = 0; j < n; j++)
                for (var i = 0; i < n; i++)
                    Assert.Equal(shape.ContainsAt(start, (i + 0.5) / n, (j + 0.5) / n, (k + 0.5) / n) ? CellKind.Solid : CellKind.Fluid,
                        simulation.Cells[grid.Cell(i, j, k)]);
        var speed = shape.VelocityAt(start).Z;
        Assert.Equal(0.15 * Math.PI * Math.Cos(Math.PI * start), speed, 12);
        var centreZ = 0.5 + shape.OffsetAt(start).Z;
        var centre = grid.Cell(n / 2, n / 2, (int)(centreZ * n));
        Assert.Equal(CellKind.Solid, simulation.Cells[centre]);
        Assert.Equal(speed, simulation.Velocity.W[grid.W(n / 2, n / 2, (int)(centreZ * n))], 12);
        Assert.True(simulation.Velocity.W[grid.W(n / 2, n / 2, (int)(centreZ * n) + 3)] > 0.05 * speed, "the fluid ahead is pushed along");
    }

    [Fact]
    public void A_3D_scene_takes_boxes_spheres_and_sdf_shapes_and_refuses_disks_and_2D_domains_refuse_z()
    {
        var app = new App(new AppSettings { FixedDelta = 0.02 }).AddPlugin(new FluidPlugin());
        app.World.Add(app.World.Create(), new FluidDomain { Nx = 12, Ny = 12, Nz = 12, CellSize = 1.0 / 12, Viscosity = 1e-3 });
        app.World.Add(app.World.Create(), new BoxObstacle { X = 0.3, Y = 0.3, Z = 0.3, Width = 0.2, Height = 0.2, Depth = 0.2, VelocityY = 0.2 });
        app.World.Add(app.World.Create(), new SphereObstacle { X = 0.7, Y = 0.7, Z = 0.7, Radius = 0.12 });
        app.World.Add(app.World.Create(), new SdfObstacle { Shape = SdfShape.Capsule, X = 0.2, Y = 0.8, Z = 0.5, X2 = 0.5, Y2 = 0.8, Z2 = 0.5, Radius = 0.08 });
        app.RunFrame(3);
        var solid = app.World.Resource<FieldCatalog>().Find("solid")!.Read().ToArray().Sum();
        Assert.InRange(solid, 8 + 7 + 10, 12 * 12 * 12 / 4); // each shape put some cells down (the box 2³ at least)
        Assert.True(app.World.Resource<FrameMetrics>().TryGet("fluid.relative_divergence", out var divergence) && divergence < 1e-5);

        var disk3D = new App().AddPlugin(new FluidPlugin());
        disk3D.World.Add(disk3D.World.Create(), new FluidDomain { Nx = 8, Ny = 8, Nz = 8, CellSize = 0.125 });
        disk3D.World.Add(disk3D.World.Create(), new DiskObstacle { X = 0.5, Y = 0.5, Radius = 0.1 });
        Assert.Equal("diskObstacle", Assert.Throws<ComponentValueException>(() => disk3D.RunFrame(1)).Field);

        var box2D = new App().AddPlugin(new FluidPlugin());
        box2D.World.Add(box2D.World.Create(), new FluidDomain { Nx = 8, Ny = 8, CellSize = 0.125 });
        box2D.World.Add(box2D.World.Create(), new BoxObstacle { X = 0.5, Y = 0.5, Oscillation = new Oscillation { AmplitudeZ = 0.1 } });
        var error = Assert.Throws<ComponentValueException>(() => box2D.RunFrame(1));
        Assert.Equal("boxObstacle.oscillation.amplitudeZ", error.Field);
        Assert.Contains("is for 3D domains", error.Message);
    }
}
