using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Errors;
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
        var errors = new FluidDomain { Nz = 8, Viscosity = 0.01, VorticityConfinement = 1 }.Validate().Select(e => e.Field).ToList();

        Assert.Equal(["viscosity"], errors); // vorticity confinement runs in 3D now
        Assert.Empty(new FluidDomain { Nz = 8, BodyForceZ = -9.81 }.Validate());
        Assert.Equal("bodyForceZ", Assert.Single(new FluidDomain { BodyForceZ = 1 }.Validate()).Field);
    }

    [Fact]
    public void A_sphere_outside_the_domain_or_a_disk_in_a_3D_domain_is_bad_input()
    {
        var app = new App().AddPlugin(new FluidPlugin());
        app.World.Add(app.World.Create(), new FluidDomain { Nx = 8, Ny = 8, Nz = 8, CellSize = 0.125 });
        app.World.Add(app.World.Create(), new SphereObstacle { X = 0.5, Y = 0.5, Z = 0.95, Radius = 0.1 });

        var error = Assert.Throws<ComponentValueException>(() => app.RunFrame(1));

        Assert.Equal("sphereObstacle.x", error.Field);
        Assert.Contains("pokes out of the fluid domain", error.Message);
    }
}
