using System.Text.Json;
using PhysML.Heat;
using PhysML.Scenes.Loading;
using PhysML.Scenes.Running;
using PhysML.Viewer.Simulation;

namespace PhysML.Viewer.Tests;

/// <summary>The viewer's simulation applies the scene's timeline as <c>physml run</c> does (no window needed): the
/// same frames give the same metrics, and a failing assertion stops the simulation with its message.</summary>
public class ViewerTimelineTests
{
    // A set, an add and a remove, and an onward assertion: every kind of timeline change to the world.
    private static string Scene(string directory, double limit) => WriteScene(directory, $$"""
        { "name": "tl", "plugins": ["heat"], "time": { "dt": 0.5, "frames": 5 },
          "entities": [
            { "name": "plate", "components": { "heatPlate": { "nx": 12, "ny": 10, "initial": { "kind": "uniform", "value": 300 } } } },
            { "name": "heater", "components": { "heatSource": { "x": 0.5, "y": 0.5, "radius": 0.2, "rate": 4 } } } ],
          "timeline": [
            { "at": { "frame": 1 }, "set": { "path": "entities.heater.heatSource.rate", "value": 90 } },
            { "at": { "frame": 2 }, "add": { "name": "chiller", "components": { "heatSource": { "x": 0.2, "y": 0.3, "radius": 0.15, "rate": -50 } } } },
            { "at": { "frame": 2 }, "assert": { "metric": "heat.max", "op": "<", "value": {{limit}}, "onward": true } },
            { "at": { "frame": 4 }, "remove": "heater" } ] }
        """);

    private static string WriteScene(string directory, string text)
    {
        var path = Path.Combine(directory, "timeline.scene.json");
        File.WriteAllText(path, text);
        return path;
    }

    private static Func<LoadedScene> Loader(string path)
    {
        var loader = new SceneLoader(PluginCatalog.FromAssemblies(typeof(HeatPlugin).Assembly));
        return () => loader.Load(path);
    }

    // Steps the viewer's simulation to frame 5 and returns the last snapshot.
    private static ViewerSnapshot ViewerAtFrame5(string path)
    {
        using var simulation = new ViewerSimulation(Loader(path), startPaused: true);
        simulation.Start();
        for (var n = 0; n < 5; n++) simulation.Post(SimulationCommand.Step);
        // Bounded by a count of polls, not by a clock: the simulation thread publishes once per frame.
        for (var polls = 0; polls < 100_000; polls++)
        {
            if (simulation.Snapshots.TryTakeLatest() && (simulation.Snapshots.Front.Frame >= 5 || simulation.Snapshots.Front.Error is not null))
                return simulation.Snapshots.Front;
            Thread.Sleep(1);
        }
        throw new Xunit.Sdk.XunitException("the viewer's simulation did not reach frame 5");
    }

    [Fact]
    public void The_viewer_applies_the_timeline_as_a_run_does()
    {
        var directory = Directory.CreateTempSubdirectory("physml-viewer-timeline").FullName;
        try
        {
            var path = Scene(directory, 1e6);
            var run = new SceneRunner(Loader(path)(), new RunOptions { Frames = 5, ImageEvery = 0 }).Run(Path.Combine(directory, "run"));
            Assert.Equal(RunStatus.Succeeded, run.Summary.Status);
            using var last = JsonDocument.Parse(File.ReadAllLines(Path.Combine(directory, "run", "metrics.jsonl"))[^1]);

            var shown = ViewerAtFrame5(path);

            Assert.Null(shown.Error);
            Assert.Equal(5, shown.Frame);
            foreach (var key in new[] { "heat.max", "heat.min", "heat.mean" })
                if (last.RootElement.TryGetProperty(key, out var expected))
                    Assert.Equal(expected.GetDouble(), shown.Metrics[key]);
            Assert.True(last.RootElement.TryGetProperty("heat.max", out _), "the heat plugin reports heat.max");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_failing_timeline_assertion_stops_the_viewers_simulation_with_its_message()
    {
        var directory = Directory.CreateTempSubdirectory("physml-viewer-timeline").FullName;
        try
        {
            var shown = ViewerAtFrame5(Scene(directory, 300)); // the heater warms the plate above 300 K by frame 2

            Assert.NotNull(shown.Error);
            Assert.Contains("PML0601", shown.Error);
            Assert.Contains("heat.max", shown.Error);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
