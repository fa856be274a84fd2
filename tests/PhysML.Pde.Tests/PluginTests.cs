using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Errors;
using PhysML.Fields;
using PhysML.Pde;

namespace PhysML.Pde.Tests;

/// <summary>The three plugins through an App: fields, metrics, and the errors found at Startup.</summary>
public class PluginTests
{
    private static App AppWith<T>(IPlugin plugin, double dt, params T[] components) where T : struct
    {
        var app = new App(new AppSettings { FixedDelta = dt }).AddPlugin(plugin);
        foreach (var c in components) app.World.Add(app.World.Create(), c);
        return app;
    }

    private static double Metric(App app, string name)
    {
        Assert.True(app.World.Resource<FrameMetrics>().TryGet(name, out var value), $"metric {name} is missing");
        return value;
    }

    [Fact]
    public void The_wave_plugin_registers_displacement_and_velocity_and_reports_energy()
    {
        var membrane = WaveStandingModeTests.Mode(32);
        var app = AppWith(new WavePlugin(), 0.25 / membrane.Courant(1), membrane);

        app.RunFrame(fixedSteps: 10);
        var energy = Metric(app, "wave.energy");
        app.RunFrame(fixedSteps: 10);

        var catalog = app.World.Resource<FieldCatalog>();
        Assert.Equal(new[] { 32, 32 }, catalog.Find("displacement")!.Shape);
        Assert.Equal(new[] { 32, 32 }, catalog.Find("velocity")!.Shape);
        Assert.Equal(energy, Metric(app, "wave.energy"), energy * 1e-12);
        Assert.Equal(0.25, Metric(app, "wave.courant"), 12);
        Assert.InRange(Metric(app, "wave.analytic_rel_l2"), 0, 0.01);
        Assert.InRange(Metric(app, "wave.max_abs"), 0.1, 1);
    }

    [Fact]
    public void A_wave_speed_beyond_the_CFL_limit_is_a_bad_input_error_naming_the_limit()
    {
        // 64 × 64 on the unit square: c·dt·√(1/dx² + 1/dy²) = 2·0.01·64√2 = 1.81.
        var app = AppWith(new WavePlugin(), 0.01, new WaveMembrane { Nx = 64, Ny = 64, WaveSpeed = 2 });

        var error = Assert.Throws<ComponentValueException>(() => app.RunFrame(1));

        Assert.Equal("waveMembrane.waveSpeed", error.Field);
        Assert.Equal(ErrorCodes.InvalidValue, error.Code);
        Assert.Equal(ErrorCategory.BadInput, error.Category);
        Assert.Contains("1.105 m/s", error.Message); // 1/(0.01·64√2)
        Assert.Contains("<= 1", error.Message);
    }

    [Fact]
    public void An_invalid_component_built_in_code_is_caught_at_startup()
    {
        var app = AppWith(new WavePlugin(), 0.01, new WaveMembrane { WaveSpeed = -1 });
        Assert.Equal("waveMembrane.waveSpeed", Assert.Throws<ComponentValueException>(() => app.RunFrame(1)).Field);
        var burgers = AppWith(new BurgersPlugin(), 0.01, new Burgers1D { Viscosity = -1 });
        Assert.Equal("burgers1D.viscosity", Assert.Throws<ComponentValueException>(() => burgers.RunFrame(1)).Field);
    }

    [Fact]
    public void The_burgers_plugin_runs_1D_with_its_field_and_metrics()
    {
        var domain = new Burgers1D { Nx = 128, Viscosity = 0.05 };
        var app = AppWith(new BurgersPlugin(), 0.001, domain);

        app.RunFrame(fixedSteps: 20);

        var u = app.World.Resource<FieldCatalog>().Find("u")!;
        Assert.Equal(new[] { 128 }, u.Shape);
        Assert.Equal(new[] { 2.0 / 128 }, u.Spacing);
        Assert.Equal(0.0, Metric(app, "burgers.momentum"), 12);
        Assert.InRange(Metric(app, "burgers.courant"), 0.1, 1);
        Assert.InRange(Metric(app, "burgers.analytic_rel_l2"), 0, 1e-3);
        Assert.True(Metric(app, "burgers.energy") > 0);
        Assert.True(Metric(app, "burgers.max_abs") > 0);
    }

    [Fact]
    public void The_burgers_plugin_runs_2D_with_u_v_and_speed()
    {
        var app = AppWith(new BurgersPlugin(), 0.002, new Burgers2D { N = 32, Viscosity = 0.05 });

        app.RunFrame(fixedSteps: 5);

        var catalog = app.World.Resource<FieldCatalog>();
        foreach (var name in new[] { "u", "v", "speed" }) Assert.Equal(new[] { 32, 32 }, catalog.Find(name)!.Shape);
        Assert.InRange(Metric(app, "burgers.analytic_rel_l2"), 0, 0.01);
        Assert.Equal(0.0, Metric(app, "burgers.momentum_x"), 12);
        Assert.Equal(0.0, Metric(app, "burgers.momentum_y"), 12);
        Assert.True(Metric(app, "burgers.max_speed") > 0);
    }

    [Theory]
    [InlineData(3.0, 0.001, "burgers1D.initial.amplitude")]  // dx = 1/32: advection 2·3·32·0.01 = 1.92, diffusion 0.02
    [InlineData(0.1, 0.02, "burgers1D.viscosity")]           // advection 0.064, diffusion 2·0.02·32²·0.01 = 0.41…
    public void A_time_step_beyond_the_CFL_bound_names_the_dominant_cause(double amplitude, double viscosity, string field)
    {
        var domain = new Burgers1D { Nx = 64, Viscosity = viscosity, Initial = new BurgersInitial { Kind = BurgersInitialKind.Sine, Amplitude = amplitude } };
        var app = AppWith(new BurgersPlugin(), viscosity == 0.02 ? 0.03 : 0.01, domain); // …·3 = 1.23 at dt = 0.03

        var error = Assert.Throws<ComponentValueException>(() => app.RunFrame(1));

        Assert.Equal(field, error.Field);
        Assert.Contains("must be <= 1", error.Message);
        Assert.Contains("dt <=", error.Message);
    }

    [Fact]
    public void Two_burgers_domains_in_one_scene_are_refused()
    {
        var app = new App().AddPlugin(new BurgersPlugin());
        app.World.Add(app.World.Create(), new Burgers1D());
        app.World.Add(app.World.Create(), new Burgers2D());
        Assert.Throws<PhysMLException>(() => app.RunFrame(1));
    }

    [Fact]
    public void The_poisson_plugin_solves_at_startup_reports_metrics_and_solves_again_when_the_problem_changes()
    {
        var problem = PoissonTests.SineMode(16);
        var app = AppWith(new PoissonPlugin(), 1.0, problem);

        app.RunFrame(fixedSteps: 1);
        var field = app.World.Resource<FieldCatalog>().Find("u")!;
        Assert.Equal(new[] { 16, 32 }, field.Shape);
        Assert.Equal(1, Metric(app, "poisson.solves"));
        Assert.True(Metric(app, "poisson.iterations") >= 1); // one: the sine mode is an eigenvector of the operator
        Assert.True(Metric(app, "poisson.residual") <= 1e-12);
        var error = Metric(app, "poisson.error");
        Assert.Equal(PoissonAnalytic.PredictedRelativeError(problem), error, error * 1e-6);
        var before = field.Read().Span[100];

        app.RunFrame(fixedSteps: 1); // unchanged: no new solve
        Assert.Equal(1, Metric(app, "poisson.solves"));

        var entity = app.World.GetEntities(new PhysML.Core.Ecs.QueryDescription().WithAll<PoissonProblem>())[0];
        app.World.Get<PoissonProblem>(entity) = problem with { Source = problem.Source with { Amplitude = -6 } };
        app.RunFrame(fixedSteps: 1);
        Assert.Equal(2, Metric(app, "poisson.solves"));
        Assert.Equal(-2 * before, field.Read().Span[100], 9);
    }

    [Fact]
    public void An_incompatible_all_Neumann_problem_is_a_bad_input_error_on_the_source()
    {
        var app = AppWith(new PoissonPlugin(), 1.0, new PoissonProblem
        {
            Source = new PoissonSource { Kind = PoissonSourceKind.PointCharges, Charges = [new PointCharge { X = 0.5, Y = 0.5, Charge = 1 }] },
            Boundary = BoxBoundary.All(EdgeCondition.Neumann(0)),
        });

        var error = Assert.Throws<ComponentValueException>(() => app.RunFrame(1));

        Assert.Equal("poissonProblem.source", error.Field);
        Assert.Equal(ErrorCategory.BadInput, error.Category);
        Assert.Contains("Neumann conditions on every edge", error.Message);
        Assert.Contains("∫f dA = 1", error.Message);
    }

    [Fact]
    public void Changing_the_poisson_grid_after_startup_is_refused()
    {
        var app = AppWith(new PoissonPlugin(), 1.0, PoissonTests.SineMode(8));
        app.RunFrame(1);
        var entity = app.World.GetEntities(new PhysML.Core.Ecs.QueryDescription().WithAll<PoissonProblem>())[0];
        app.World.Get<PoissonProblem>(entity) = PoissonTests.SineMode(16);

        Assert.Equal("poissonProblem.nx", Assert.Throws<ComponentValueException>(() => app.RunFrame(1)).Field);
    }
}
