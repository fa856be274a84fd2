using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Errors;
using PhysML.Core.Ecs;
using PhysML.Fields.Mac;

namespace PhysML.Fluids.Tests;

public class ObstacleForceTests
{
    private static App Tank(double gravity, params object[] obstacleComponents)
    {
        var app = new App(new AppSettings { FixedDelta = 0.01 }).AddPlugin(new FluidPlugin());
        app.World.Add(app.World.Create(), new FluidDomain
        {
            Nx = 40, Ny = 40, CellSize = 0.025, Density = 1000, BodyForceY = -gravity, PressureTolerance = 1e-12,
        });
        var obstacle = app.World.Create();
        app.World.Add(obstacle, new Name("block"));
        foreach (var c in obstacleComponents) app.World.AddBoxed(obstacle, c);
        return app;
    }

    [Fact]
    public void A_submerged_block_in_still_water_feels_exactly_the_Archimedes_force()
    {
        // A 0.25 m × 0.15 m block (10 × 6 cells, aligned with the grid) in water at rest under g = 9.81 m/s²:
        // the pressure is hydrostatic, p = −ρgy + c, and the upward force is ρ·g·A per metre of depth; the horizontal
        // forces cancel. Linear p is extrapolated exactly to the faces, so only the solver tolerance remains.
        var app = Tank(9.81, new BoxObstacle { X = 0.5, Y = 0.4, Width = 0.25, Height = 0.15 }, new ForceReport { ReferenceSpeed = 1, ReferenceLength = 0.25 });

        app.RunFrame(3);

        var metrics = app.World.Resource<FrameMetrics>();
        Assert.True(metrics.TryGet("forces.block.lift", out var lift));
        Assert.True(metrics.TryGet("forces.block.drag", out var drag));
        Assert.Equal(1000 * 9.81 * 0.25 * 0.15, lift, 6);
        Assert.Equal(0, drag, 6);
        Assert.True(metrics.TryGet("forces.block.cl", out var cl));
        Assert.Equal(lift / (0.5 * 1000 * 1 * 1 * 0.25), cl, 9);
    }

    [Fact]
    public void A_force_report_without_an_obstacle_is_bad_input_and_an_obstacle_outside_the_domain_too()
    {
        var noShape = Tank(0, new ForceReport());
        var error = Assert.Throws<ComponentValueException>(() => noShape.RunFrame(1));
        Assert.Equal(ErrorCategory.BadInput, error.Category);
        Assert.Contains("entity 'block' has a forceReport but no boxObstacle, diskObstacle or sdfObstacle", error.Message);

        var outside = Tank(0, new DiskObstacle { X = 0.98, Y = 0.5, Radius = 0.05 });
        var outsideError = Assert.Throws<ComponentValueException>(() => outside.RunFrame(1));
        Assert.Equal("diskObstacle.x", outsideError.Field);
        Assert.Equal(ErrorCodes.InvalidValue, outsideError.Code);
        Assert.Contains("diskObstacle of entity 'block' spans x ∈ [0.93, 1.03] m", outsideError.Message);
    }

    [Fact]
    public void An_inflow_side_that_touches_an_obstacle_is_refused()
    {
        var app = new App(new AppSettings { FixedDelta = 0.01 }).AddPlugin(new FluidPlugin());
        var wall = new FlowSide(SideKind.NoSlip);
        app.World.Add(app.World.Create(), new FluidDomain
        {
            Nx = 40, Ny = 20, CellSize = 0.025,
            Boundary = new FlowBoundary(new FlowSide(SideKind.Inflow, 1), new FlowSide(SideKind.Outflow), wall, wall),
        });
        app.World.Add(app.World.Create(), new DiskObstacle { X = 0.06, Y = 0.25, Radius = 0.05 });

        var error = Assert.Throws<ComponentValueException>(() => app.RunFrame(1));

        Assert.Equal("fluidDomain.boundary.left", error.Field);
        Assert.Contains("the inflow on the left side touches", error.Message);
    }
}
