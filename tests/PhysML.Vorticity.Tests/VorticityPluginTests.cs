using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Errors;

namespace PhysML.Vorticity.Tests;

public class VorticityPluginTests
{
    private static App AppWith(VorticityDomain domain, double dt, int? seed = null)
    {
        var app = new App(new AppSettings { FixedDelta = dt }).AddPlugin(new VorticityPlugin());
        if (seed is { } s) app.World.SetResource(new RandomSeed(s));
        app.World.Add(app.World.Create(), domain);
        return app;
    }

    private static readonly VorticityDomain FnoDomain = new() { N = 32, Viscosity = 1e-3, Forcing = VorticityForcing.Fno };

    [Fact]
    public void The_plugin_steps_the_domain_registers_the_fields_and_reports_metrics()
    {
        var app = AppWith(FnoDomain, dt: 0.25, seed: 7);

        app.RunFrame(fixedSteps: 4);

        var catalog = app.World.Resource<FieldCatalog>();
        foreach (var (name, unit) in new[] { ("vorticity", "1/s"), ("u", "m/s"), ("v", "m/s"), ("streamfunction", "m²/s") })
        {
            var field = catalog.Find(name);
            Assert.NotNull(field);
            Assert.Equal(new[] { 32, 32 }, field.Shape);
            Assert.Equal(unit, field.Unit);
            Assert.Equal(32 * 32, field.Read().Length);
            Assert.Equal(new[] { 1.0 / 32, 1.0 / 32 }, field.Spacing);
            Assert.Equal(new[] { 0.0, 0.0 }, field.Offset);
        }
        var metrics = app.World.Resource<FrameMetrics>();
        var omega = catalog.Find("vorticity")!.Read().ToArray();
        Assert.True(metrics.TryGet("vort.enstrophy", out var enstrophy));
        Assert.Equal(0.5 * omega.Select(w => w * w).Average(), enstrophy, 12);
        Assert.True(metrics.TryGet("vort.max_abs", out var maxAbs));
        Assert.Equal(omega.Max(Math.Abs), maxAbs);
        Assert.True(metrics.TryGet("vort.energy", out var energy) && energy > 0);
        Assert.True(metrics.TryGet("vort.cfl", out var cfl) && cfl > 0 && cfl <= 1.2 * FnoDomain.MaxCfl, $"cfl {cfl}");
        Assert.True(metrics.TryGet("vort.substeps", out var substeps) && substeps >= 4);
        Assert.False(metrics.TryGet("vort.analytic_rel_l2", out _));
        Assert.Equal(1.0, app.World.Resource<Time>().Elapsed, 12);
    }

    [Fact]
    public void The_random_initial_field_follows_the_scene_seed()
    {
        double[] FirstField(int seed)
        {
            var app = AppWith(FnoDomain, dt: 0.1, seed);
            app.Startup();
            return app.World.Resource<FieldCatalog>().Find("vorticity")!.Read().ToArray();
        }

        Assert.Equal(FirstField(3), FirstField(3));
        Assert.NotEqual(FirstField(3), FirstField(4));
    }

    [Fact]
    public void A_decaying_mode_reports_its_analytic_error()
    {
        var domain = new VorticityDomain
        {
            N = 16, Viscosity = 0.01,
            Initial = new InitialVorticity { Kind = InitialVorticityKind.TaylorGreen, ModeX = 1, ModeY = 2 },
        };
        var app = AppWith(domain, dt: 0.1);

        app.RunFrame(fixedSteps: 10);

        Assert.True(app.World.Resource<FrameMetrics>().TryGet("vort.analytic_rel_l2", out var error) && error < 1e-11, $"error {error:E3}");
    }

    [Fact]
    public void A_flow_too_fast_for_the_step_is_an_error_that_names_the_remedy()
    {
        var domain = new VorticityDomain
        {
            N = 16, MaxSubsteps = 2,
            Initial = new InitialVorticity { Kind = InitialVorticityKind.TaylorGreen, Amplitude = 1e4 },
        };
        var app = AppWith(domain, dt: 1);

        var error = Assert.Throws<PhysMLException>(() => app.RunFrame(1));

        Assert.Equal(ErrorCodes.InvalidValue, error.Code);
        Assert.Contains("maxSubsteps = 2", error.Message);
        Assert.Contains("Reduce time.dt", error.Message);
    }
}
