using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Scenes.Loading;

namespace PhysML.Plugins.Tests.Guide;

/// <summary>The guide's "testing a plugin" snippets, run as tests.</summary>
public class GuideParticlesTests
{
    [Fact]
    public void A_dropped_particle_follows_semi_implicit_Euler_and_lands()
    {
        #region manual-stepping
        using var app = new App(new AppSettings { FixedDelta = 0.01 });
        app.AddPlugin(new ParticlesPlugin());
        var ball = app.World.Create();
        app.World.Add(ball, new Position { X = 0, Y = 1 });
        app.World.Add(ball, new Velocity());

        app.RunFrame(fixedSteps: 10); // exactly 10 steps of 0.01 s, whatever the wall clock says

        // Semi-implicit Euler after n steps: y = y₀ − g·dt²·n(n + 1)/2, exact to rounding.
        Assert.Equal(1 - 9.81 * 0.01 * 0.01 * 55, app.World.Get<Position>(ball).Y, 1e-12);

        app.RunFrame(fixedSteps: 100); // long enough to reach the ground
        Assert.False(app.World.IsAlive(ball));
        Assert.True(app.World.Resource<FrameMetrics>().TryGet("particles.landed", out var landed));
        Assert.Equal(1, landed);
        #endregion
    }

    [Fact]
    public void A_scene_with_a_particle_below_ground_is_refused_naming_the_field()
    {
        #region scene-test
        var loader = new SceneLoader(PluginCatalog.FromAssemblies(typeof(ParticlesPlugin).Assembly));
        var scene = loader.Parse("drop.scene.json", """
            {
              "name": "drop",
              "plugins": ["MyGame.Particles"],
              "entities": [ { "components": { "position": { "x": 0, "y": -1 }, "velocity": {}, "drag": { "rate": 0.5 } } } ]
            }
            """u8.ToArray());
        using var app = scene.App;

        var error = Assert.Throws<PhysML.Core.Errors.ComponentValueException>(app.Startup);
        Assert.Equal("position.y", error.Field);
        #endregion
    }
}
