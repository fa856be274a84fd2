using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;

namespace PhysML.Core.Tests;

/// <summary>Under a <see cref="PluginFaultPolicy"/>, a plugin whose system throws is disabled (PML0801) and the
/// others go on; without one, or for bad input, the failure stops the app as before.</summary>
public class PluginFaultTests
{
    private readonly record struct Marker(int Value);

    // Counts its steps in one system; in the next it queues a structural change, then throws from step 2 on.
    private sealed class FlakyPlugin(List<string> log) : IPlugin
    {
        public string Name => "flaky";

        public void Build(App app)
        {
            app.AddSystem(Stage.FixedUpdate, "flaky.count", _ => log.Add("flaky.count"));
            app.AddSystem(Stage.FixedUpdate, "flaky.step", world =>
            {
                world.Commands.Add(world.Commands.Create(), new Marker(1));
                if (world.Resource<Time>().FixedStep >= 2) throw new InvalidOperationException("lost the table");
            });
            app.AddSystem(Stage.Update, "flaky.update", _ => log.Add("flaky.update"));
        }
    }

    private sealed class SteadyPlugin(List<string> log) : IPlugin
    {
        public string Name => "steady";
        public void Build(App app) => app.AddSystem(Stage.FixedUpdate, "steady.step", _ => log.Add("steady.step"));
    }

    private sealed class RefusingPlugin : IPlugin
    {
        public string Name => "refusing";
        public void Build(App app) => app.AddSystem(Stage.Startup, "refusing.setup", _ =>
            throw new PhysMLException(ErrorCodes.InvalidValue, ErrorCategory.BadInput, "rate must be >= 0"));
    }

    private static App AppWith(List<string> log, params string[] disableOnError)
    {
        var app = new App();
        app.World.SetResource(new PluginFaultPolicy(disableOnError.ToHashSet()));
        return app.AddPlugin(new FlakyPlugin(log)).AddPlugin(new SteadyPlugin(log));
    }

    [Fact]
    public void A_plugin_that_throws_is_disabled_all_its_systems_skipped_and_the_others_go_on()
    {
        var log = new List<string>();
        var app = AppWith(log, "flaky");

        app.RunFrame(2); // steps 0 and 1: fine
        app.RunFrame(2); // step 2 throws
        app.RunFrame(2);

        Assert.Equal(3, log.Count(l => l == "flaky.count")); // steps 0, 1, 2 (it runs before the throwing system)
        Assert.Equal(1, log.Count(l => l == "flaky.update")); // frame 1 only: Update of frame 2 came after the fault
        Assert.Equal(6, log.Count(l => l == "steady.step"));
        var fault = Assert.Single(app.World.Resource<PluginFaults>().Faults);
        Assert.Equal(("flaky", "flaky.step", Stage.FixedUpdate, 1L), (fault.Plugin, fault.System, fault.Stage, fault.Frame));
        Assert.Contains("InvalidOperationException: lost the table", fault.Error);
        Assert.StartsWith("error PML0801: plugin 'flaky' is disabled: its system 'flaky.step' threw in stage FixedUpdate at frame 1",
            Assert.Single(app.World.Resource<RunWarnings>().Messages));
        Assert.True(app.World.Resource<FrameMetrics>().TryGet("plugins.disabled", out var disabled) && disabled == 1);
        // The two steps before the fault created their entities; the failed step's half-made change was dropped.
        Assert.Equal(2, app.World.CountEntities(new QueryDescription().WithAll<Marker>()));
    }

    [Fact]
    public void Without_a_policy_for_the_plugin_the_failure_stops_the_app_with_PML0007()
    {
        var app = AppWith(new List<string>(), "steady");
        app.RunFrame(2);
        var error = Assert.Throws<PhysMLException>(() => app.RunFrame(1));
        Assert.Equal(ErrorCodes.SystemFailed, error.Code);
        Assert.Empty(app.World.Resource<PluginFaults>().Faults);
    }

    [Fact]
    public void Bad_input_is_never_swallowed_by_disabling()
    {
        var app = new App();
        app.World.SetResource(new PluginFaultPolicy(new HashSet<string> { "refusing" }));
        app.AddPlugin(new RefusingPlugin());
        var error = Assert.Throws<PhysMLException>(app.Startup);
        Assert.Equal(ErrorCodes.InvalidValue, error.Code);
    }
}
