using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;

namespace PhysML.Core.Tests;

public class AppTests
{
    private sealed class RecordingPlugin(string name, List<string> log) : IPlugin
    {
        public string Name => name;

        public void Build(App app)
        {
            foreach (var stage in Enum.GetValues<Stage>())
                app.AddSystem(stage, $"{name}.{stage}", _ => log.Add(stage.ToString()));
        }
    }

    private sealed class ThrowingPlugin : IPlugin
    {
        public string Name => "thrower";
        public void Build(App app) => app.AddSystem(Stage.FixedUpdate, "thrower.explode", _ => throw new InvalidOperationException("boom"));
    }

    [Fact]
    public void Stages_run_in_order_with_startup_once_and_fixed_update_per_fixed_step()
    {
        var log = new List<string>();
        var app = new App().AddPlugin(new RecordingPlugin("rec", log));

        app.RunFrame(fixedSteps: 2);
        app.RunFrame(fixedSteps: 0);

        Assert.Equal(new[]
        {
            "Startup", "PostStartup", "PreUpdate", "FixedUpdate", "FixedUpdate", "Update", "PostUpdate", "Extract", "Render",
            "PreUpdate", "Update", "PostUpdate", "Extract", "Render",
        }, log);
        Assert.Equal(2, app.Time.FixedStep);
        Assert.Equal(2, app.Time.Frame);
    }

    [Fact]
    public void Manual_stepping_runs_exactly_the_requested_fixed_steps()
    {
        var app = new App(new AppSettings { FixedDelta = 0.01 });
        var steps = 0;
        app.AddSystem(Stage.FixedUpdate, "count", _ => steps++);

        for (var f = 0; f < 7; f++) app.RunFrame(fixedSteps: 3);

        Assert.Equal(21, steps);
        Assert.Equal(0.21, app.Time.Elapsed, 12);
    }

    [Fact]
    public void The_accumulator_carries_leftover_time_and_caps_steps_per_frame()
    {
        var app = new App(new AppSettings { FixedDelta = 0.01, MaxFixedStepsPerFrame = 5 });

        Assert.Equal(2, app.Update(TimeSpan.FromMilliseconds(25)));
        Assert.Equal(1, app.Update(TimeSpan.FromMilliseconds(6))); // 5 ms left over + 6 ms
        Assert.Equal(5, app.Update(TimeSpan.FromSeconds(1)));      // capped, the rest is dropped
        Assert.Equal(1, app.Update(TimeSpan.FromMilliseconds(0))); // at most one step of debt is kept
    }

    [Fact]
    public void After_and_Before_reorder_systems_and_cycles_are_PML0006()
    {
        var log = new List<string>();
        var app = new App();
        app.AddSystem(Stage.Update, "c", _ => log.Add("c"), after: new[] { "a" });
        app.AddSystem(Stage.Update, "a", _ => log.Add("a"));
        app.AddSystem(Stage.Update, "b", _ => log.Add("b"), before: new[] { "a" });
        app.RunFrame(0);
        Assert.Equal(new[] { "b", "a", "c" }, log);

        app.AddSystem(Stage.Update, "d", _ => { }, after: new[] { "c" }, before: new[] { "b" });
        var error = Assert.Throws<PhysMLException>(() => app.RunFrame(0));
        Assert.Equal(ErrorCodes.SystemOrdering, error.Code);
        Assert.Contains("cycle", error.Message);
    }

    [Fact]
    public void Adding_the_same_plugin_twice_is_PML0001()
    {
        var app = new App().AddPlugin(new RecordingPlugin("rec", new()));

        var error = Assert.Throws<PhysMLException>(() => app.AddPlugin(new RecordingPlugin("rec", new())));

        Assert.Equal(ErrorCodes.DuplicatePlugin, error.Code);
        Assert.Contains("'rec'", error.Message);
    }

    [Fact]
    public void A_system_that_throws_is_reported_as_PML0007_naming_plugin_and_system()
    {
        var app = new App().AddPlugin(new ThrowingPlugin());

        var error = Assert.Throws<PhysMLException>(() => app.RunFrame(1));

        Assert.Equal(ErrorCodes.SystemFailed, error.Code);
        Assert.Contains("thrower.explode", error.Message);
        Assert.Contains("plugin 'thrower'", error.Message);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Fact]
    public void Commands_recorded_by_a_system_apply_before_the_next_system_and_metrics_reset_each_frame()
    {
        var app = new App();
        var seen = -1;
        app.AddSystem(Stage.Update, "spawn", w =>
        {
            w.Commands.Add(w.Commands.Create(), new Tag(1));
            w.Resource<FrameMetrics>().Add("spawned", 1);
        });
        app.AddSystem(Stage.Update, "count", w => seen = w.CountEntities(new QueryDescription().WithAll<Tag>()));

        app.RunFrame(0);
        app.RunFrame(0);

        Assert.Equal(2, seen);
        Assert.True(app.World.Resource<FrameMetrics>().TryGet("spawned", out var spawned));
        Assert.Equal(1, spawned);
    }
}
