using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Errors;
using PhysML.Fields;
using PhysML.Heat;

namespace PhysML.Heat.Tests;

public class HeatPluginTests
{
    private static App AppWith(HeatPlate plate, double dt, params HeatSource[] sources)
    {
        var app = new App(new AppSettings { FixedDelta = dt }).AddPlugin(new HeatPlugin());
        app.World.Add(app.World.Create(), plate);
        foreach (var s in sources) app.World.Add(app.World.Create(), s);
        return app;
    }

    [Fact]
    public void The_plugin_steps_the_plate_registers_the_field_and_reports_metrics()
    {
        var plate = HeatAnalyticConvergenceTests.SineModePlate(32, HeatScheme.Implicit) with { Diffusivity = 0.01 };
        var app = AppWith(plate, dt: 0.01);

        app.RunFrame(fixedSteps: 5);

        var field = app.World.Resource<FieldCatalog>().Find("temperature");
        Assert.NotNull(field);
        Assert.Equal(new[] { 32, 32 }, field.Shape);
        var metrics = app.World.Resource<FrameMetrics>();
        Assert.True(metrics.TryGet("solve.iterations", out var iterations) && iterations >= 5);
        Assert.True(metrics.TryGet("solve.residual", out var residual) && residual <= 1e-12);
        Assert.True(metrics.TryGet("heat.analytic_rel_l2", out var error) && error < 0.01);
    }

    [Fact]
    public void An_unstable_explicit_time_step_is_a_bad_input_error_that_states_the_limit()
    {
        var app = AppWith(new HeatPlate { Nx = 64, Ny = 64, Diffusivity = 1, Scheme = HeatScheme.Explicit }, dt: 1e-3);

        var error = Assert.Throws<ComponentValueException>(() => app.RunFrame(1));

        Assert.Equal(ErrorCodes.InvalidValue, error.Code);
        Assert.Equal("heatPlate.scheme", error.Field);
        Assert.Equal(ErrorCategory.BadInput, error.Category);
        Assert.Contains("6.104E-05", error.Message); // 1/(2·(64²+64²))
    }

    [Fact]
    public void A_non_finite_temperature_stops_the_run_naming_field_cell_and_step()
    {
        // Validation keeps NaN out of scene files; build the source in code to reach the guard.
        var plate = new HeatPlate { Nx = 8, Ny = 8, Scheme = HeatScheme.Explicit, Boundary = BoxBoundary.All(EdgeCondition.Dirichlet(0)) };
        var app = AppWith(plate, dt: 1e-3, new HeatSource { X = 0.0625, Y = 0.1875, Radius = 0.01, Rate = double.NaN });

        var error = Assert.Throws<NonFiniteValueException>(() => app.RunFrame(1));

        Assert.Equal(ErrorCodes.NonFiniteValue, error.Code);
        Assert.Equal("temperature", error.Field);
        Assert.Equal(new[] { 1, 0 }, error.Cell); // [j, i] of the cell under the source
        Assert.Equal(0, error.FixedStep);
    }
}
