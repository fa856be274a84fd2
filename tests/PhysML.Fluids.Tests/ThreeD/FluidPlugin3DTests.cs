using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;
using PhysML.Fields.Mac;
using PhysML.Fluids.ThreeD;

namespace PhysML.Fluids.Tests.ThreeD;

public class FluidPlugin3DTests
{
    [Fact]
    public void A_domain_with_nz_runs_in_3D_with_3D_fields_and_the_usual_metrics()
    {
        var app = new App(new AppSettings { FixedDelta = 0.02 }).AddPlugin(new FluidPlugin());
        app.World.Add(app.World.Create(), new FluidDomain
        {
            Nx = 12, Ny = 16, Nz = 10, CellSize = 1.0 / 16,
            Buoyancy = new Buoyancy { TemperatureFactor = 0.05, AmbientTemperature = 0 }, PressureTolerance = 1e-9,
        });
        app.World.Add(app.World.Create(), new SmokeEmitter { X = 0.375, Y = 0.15, Z = 0.3, Radius = 0.1, DensityRate = 2, Temperature = 50 });
        app.World.Add(app.World.Create(), new SphereObstacle { X = 0.375, Y = 0.6, Z = 0.3, Radius = 0.12 });

        app.RunFrame(3);

        var catalog = app.World.Resource<FieldCatalog>();
        Assert.Equal(new[] { 10, 16, 12 }, catalog.Find("density")!.Shape);
        Assert.Equal(new[] { 11, 16, 12 }, catalog.Find("w")!.Shape);
        var metrics = app.World.Resource<FrameMetrics>();
        Assert.True(metrics.TryGet("fluid.relative_divergence", out var divergence) && divergence < 1e-6);
        Assert.True(metrics.TryGet("fluid.scalar_mass", out var mass) && mass > 0);
        Assert.True(catalog.Find("solid")!.Read().ToArray().Sum() > 0);
    }

    [Fact]
    public void Settings_the_3D_step_does_not_have_are_refused_rather_than_ignored()
    {
        var errors = new FluidDomain { Nz = 8, Viscosity = 0.01, VorticityConfinement = 1, Initial = new InitialFlow { Kind = InitialFlowKind.Uniform } }
            .Validate().Select(e => e.Field).ToList();

        Assert.Equal(["initial.kind"], errors); // viscosity and vorticity confinement run in 3D now
        Assert.Empty(new FluidDomain { Nz = 8, BodyForceZ = -9.81 }.Validate());
        Assert.Equal("bodyForceZ", Assert.Single(new FluidDomain { BodyForceZ = 1 }.Validate()).Field);
    }

    [Fact]
    public void A_3D_lid_driven_cavity_set_by_its_Reynolds_number_drags_the_fluid_under_the_lid()
    {
        // Re = U·L/ν = 1·0.5/ν = 50 sets ν = 0.01 m²/s; the lid (top, sliding along x) acts only through viscosity.
        var wall = new FlowSide(SideKind.NoSlip);
        var app = new App(new AppSettings { FixedDelta = 0.02 }).AddPlugin(new FluidPlugin());
        app.World.Add(app.World.Create(), new FluidDomain
        {
            Nx = 8, Ny = 8, Nz = 6, CellSize = 1.0 / 16, Reynolds = 50,
            Boundary = new FlowBoundary(wall, wall, wall, new FlowSide(SideKind.NoSlip, Speed: 1)),
        });

        app.RunFrame(5);

        var metrics = app.World.Resource<FrameMetrics>();
        Assert.True(metrics.TryGet("viscosity.iterations", out var iterations) && iterations > 0);
        var simulation = app.World.Get<FluidSimulation3D>(app.World.GetEntities(new QueryDescription().WithAll<FluidSimulation3D>())[0]);
        Assert.Equal(0.01, simulation.Viscosity, 15);
        var g = simulation.Grid;
        Assert.True(simulation.Velocity.U[g.U(4, g.Ny - 1, 3)] > 0.1, "the row under the lid moves with it");
        Assert.True(simulation.Velocity.U[g.U(4, 2, 3)] < 0, "the return flow below runs the other way");
    }

    [Fact]
    public void A_sphere_outside_the_domain_or_a_disk_in_a_3D_domain_is_bad_input()
    {
        var app = new App().AddPlugin(new FluidPlugin());
        app.World.Add(app.World.Create(), new FluidDomain { Nx = 8, Ny = 8, Nz = 8, CellSize = 0.125 });
        app.World.Add(app.World.Create(), new SphereObstacle { X = 0.5, Y = 0.5, Z = 0.95, Radius = 0.1 });

        var error = Assert.Throws<ComponentValueException>(() => app.RunFrame(1));

        Assert.Equal("sphereObstacle.x", error.Field);
        Assert.Contains("sphereObstacle of entity Entity(1v1) spans x ∈ [0.4, 0.6] m, y ∈ [0.4, 0.6] m, z ∈ [0.85, 1.05] m, outside the fluid domain [0, 1] × [0, 1] × [0, 1] m", error.Message);
    }

    [Theory]
    [InlineData("left", "fluidDomain.boundary.left", 0.16, 0.52, 0.52, 9)]
    [InlineData("top", "fluidDomain.boundary.top", 0.52, 0.84, 0.52, 9)]
    [InlineData("back", "fluidDomain.boundaryZ.back", 0.52, 0.52, 0.16, 9)]
    public void An_inflow_side_that_touches_an_obstacle_is_refused_in_3D_as_in_2D(string side, string field, double x, double y, double z, int touched)
    {
        // A 0.3 m cube inside the domain, 0.01 m from the side: it covers 3 × 3 × 3 cells of 0.1 m (centres never on its
        // faces), 3 × 3 of them in the layer next to the side.
        var wall = new FlowSide(SideKind.NoSlip);
        var inflow = new FlowSide(SideKind.Inflow, 1);
        var outflow = new FlowSide(SideKind.Outflow);
        FlowSide Kind(string name, string opposite) => name == side ? inflow : opposite == side ? outflow : wall;
        var app = new App().AddPlugin(new FluidPlugin());
        app.World.Add(app.World.Create(), new FluidDomain
        {
            Nx = 10, Ny = 10, Nz = 10, CellSize = 0.1,
            Boundary = new FlowBoundary(Kind("left", "right"), Kind("right", "left"), Kind("bottom", "top"), Kind("top", "bottom")),
            BoundaryZ = new FlowSidesZ(Kind("back", "front"), Kind("front", "back")),
        });
        app.World.Add(app.World.Create(), new BoxObstacle { X = x, Y = y, Z = z, Width = 0.3, Height = 0.3, Depth = 0.3 });

        var error = Assert.Throws<ComponentValueException>(() => app.RunFrame(1));

        Assert.Equal(field, error.Field);
        Assert.Equal(ErrorCategory.BadInput, error.Category);
        Assert.Equal($"the inflow on the {side} side touches {touched} obstacle cell(s); move the obstacle at least one cell " +
                     "away from the inflow, or make that side a wall", error.Message);
    }

    [Fact]
    public void An_obstacle_one_cell_clear_of_a_3D_inflow_is_accepted()
    {
        var wall = new FlowSide(SideKind.NoSlip);
        var app = new App().AddPlugin(new FluidPlugin());
        app.World.Add(app.World.Create(), new FluidDomain
        {
            Nx = 10, Ny = 10, Nz = 10, CellSize = 0.1,
            Boundary = new FlowBoundary(new FlowSide(SideKind.Inflow, 1), new FlowSide(SideKind.Outflow), wall, wall),
        });
        // Cells 1 to 3 along x: the first layer stays fluid.
        app.World.Add(app.World.Create(), new BoxObstacle { X = 0.26, Y = 0.52, Z = 0.52, Width = 0.3, Height = 0.3, Depth = 0.3 });

        app.RunFrame(1);
    }

    [Fact]
    public void Invalid_physical_parameters_of_a_3D_domain_are_refused_with_the_field()
    {
        static string[] Fields(FluidDomain d) => d.Validate().Select(e => e.Field).ToArray();

        Assert.Equal(["viscosity"], Fields(new FluidDomain { Nz = 8, Viscosity = -1e-3 }));
        Assert.Equal(["nx"], Fields(new FluidDomain { Nx = 0, Nz = 8 }));
        Assert.Equal(["cellSize"], Fields(new FluidDomain { Nz = 8, CellSize = 0 }));
        // nz: 0 is 2D, 2 or more 3D; a negative nz no longer falls back to 2D silently, and one layer is neither.
        var negative = Assert.Single(new FluidDomain { Nz = -4 }.Validate());
        Assert.Equal(("nz", "must be 0 (a 2D domain) or between 2 and 1024 (3D), got -4"), (negative.Field, negative.Message));
        Assert.Equal(["nz"], Fields(new FluidDomain { Nz = 1 }));
        Assert.Equal(["nz"], Fields(new FluidDomain { Nz = 1025 }));
        // A 2D domain has no back or front side to set.
        Assert.Equal(["boundaryZ"], Fields(new FluidDomain { BoundaryZ = new FlowSidesZ(new FlowSide(SideKind.Periodic), new FlowSide(SideKind.Periodic)) }));
    }
}
