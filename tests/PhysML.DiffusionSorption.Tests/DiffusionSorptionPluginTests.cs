using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Errors;
using PhysML.DiffusionSorption;

namespace PhysML.DiffusionSorption.Tests;

public class DiffusionSorptionPluginTests
{
    private static App AppWith(DiffusionSorptionRod rod, double dt, int? seed)
    {
        var app = new App(new AppSettings { FixedDelta = dt }).AddPlugin(new DiffusionSorptionPlugin());
        if (seed is { } s) app.World.SetResource(new RandomSeed(s));
        app.World.Add(app.World.Create(), rod);
        return app;
    }

    [Fact]
    public void The_plugin_steps_the_rod_registers_u_and_reports_metrics()
    {
        var app = AppWith(new DiffusionSorptionRod(), dt: 0.5, seed: 7);

        app.RunFrame(fixedSteps: 10);

        var field = app.World.Resource<FieldCatalog>().Find("u");
        Assert.NotNull(field);
        Assert.Equal(new[] { 1024 }, field.Shape);
        var u = field.Read().ToArray();
        var metrics = app.World.Resource<FrameMetrics>();
        Assert.True(metrics.TryGet("ds.iterations", out var iterations));
        Assert.InRange(iterations, 10, 10 * 6); // Newton: ≥ 1 per step, a handful at most
        Assert.True(metrics.TryGet("ds.mean", out var mean) && Math.Abs(mean - u.Average()) < 1e-15);
        Assert.True(metrics.TryGet("ds.min", out var min) && min == u.Min());
        Assert.True(metrics.TryGet("ds.max", out var max) && max == u.Max());
        Assert.True(metrics.TryGet("ds.total_mass", out var mass) && Math.Abs(mass - u.Sum() / 1024) < 1e-14);
        Assert.InRange(max, 0.5, 1); // the inlet cell has risen towards u(0) = 1 after 5 s

        // The same seed outside the app gives the same state: the plugin seeds from the RandomSeed resource.
        var direct = new DiffusionSorptionSimulation(new DiffusionSorptionRod(), seed: 7);
        for (var s = 0; s < 10; s++) direct.Step(0.5);
        Assert.Equal(direct.U, u);
    }

    [Fact]
    public void Without_a_seed_resource_the_seed_is_zero()
    {
        var app = AppWith(new DiffusionSorptionRod { Nx = 16 }, dt: 1, seed: null);
        app.Startup();
        var u = app.World.Resource<FieldCatalog>().Find("u")!.Read().ToArray();
        Assert.Equal(new DiffusionSorptionSimulation(new DiffusionSorptionRod { Nx = 16 }, seed: 0).U, u);
    }

    [Fact]
    public void Two_rods_are_a_bad_input_error()
    {
        var app = AppWith(new DiffusionSorptionRod(), dt: 1, seed: 1);
        app.World.Add(app.World.Create(), new DiffusionSorptionRod());

        var error = Assert.Throws<PhysMLException>(() => app.RunFrame(1));

        Assert.Equal(ErrorCodes.InvalidValue, error.Code);
        Assert.Equal(ErrorCategory.BadInput, error.Category);
    }

    [Fact]
    public void A_non_finite_concentration_stops_the_run_naming_the_field()
    {
        // Validation keeps NaN out of scene files; build it in code to reach the guard.
        var app = AppWith(new DiffusionSorptionRod { Nx = 8, FreundlichK = 0, InletConcentration = double.NaN }, dt: 1, seed: 1);

        var error = Assert.Throws<NonFiniteValueException>(() => app.RunFrame(1));

        Assert.Equal(ErrorCodes.NonFiniteValue, error.Code);
        Assert.Equal("u", error.Field);
        Assert.Equal(new[] { 0 }, error.Cell); // the inlet cell, where the NaN enters
        Assert.Equal(0, error.FixedStep);
    }
}
