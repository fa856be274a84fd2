using System.Text;
using PhysML.Core.Errors;
using PhysML.Scenes.Loading;

namespace PhysML.Scenes.Tests;

/// <summary>A scene's timeline is checked at load, before anything runs: every bad event is reported at its JSON path.</summary>
public class TimelineLoadTests
{
    private static LoadedScene Load(string timeline) => SceneFixtures.Loader().Parse("t.scene.json", Encoding.UTF8.GetBytes($$"""
        { "name": "t", "plugins": ["heat"], "time": { "dt": 0.1, "stepsPerFrame": 2 },
          "entities": [
            { "name": "plate", "components": { "heatPlate": { "nx": 8, "ny": 8 } } },
            { "name": "heater", "components": { "heatSource": { "x": 0.5, "y": 0.5 } } },
            { "name": "twin", "components": { "heatSource": { "x": 0.2, "y": 0.2 } } },
            { "name": "twin", "components": { "heatSource": { "x": 0.8, "y": 0.8 } } } ],
          "timeline": [ {{timeline}} ] }
        """));

    private static string Problems(string timeline)
    {
        var error = Assert.Throws<SceneException>(() => Load(timeline));
        Assert.All(error.Diagnostics, d => Assert.Equal(ErrorCategory.BadInput, error.Category));
        return string.Join("\n", error.Diagnostics.Select(d => $"{d.Code} {d.JsonPath}: {d.Message}"));
    }

    [Fact]
    public void Times_become_the_first_frame_that_reaches_them_and_events_are_sorted_by_frame()
    {
        var scene = Load("""
            { "at": { "frame": 7 }, "remove": "heater" },
            { "at": { "time": 0.6 }, "set": { "path": "entities.heater.heatSource.rate", "value": 3 } },
            { "at": { "time": 0.61 }, "assert": { "metric": "heat.max", "op": "<", "value": 400 } },
            { "at": { "frame": 0 }, "add": { "name": "chiller", "components": { "heatSource": { "x": 0.1, "y": 0.1, "rate": -1 } } } }
            """);

        // 0.2 s per frame: 0.6 s ends frame 3 exactly (despite rounding), 0.61 s needs frame 4.
        Assert.Equal(new[] { ("$.timeline[3]", 0), ("$.timeline[1]", 3), ("$.timeline[2]", 4), ("$.timeline[0]", 7) },
            scene.Timeline.Events.Select(e => (e.JsonPath, e.Frame)));
    }

    [Fact]
    public void Events_in_the_past_and_events_without_exactly_one_action_or_moment_are_refused()
    {
        var problems = Problems("""
            { "at": { "frame": -1 }, "remove": "heater" },
            { "at": { "time": -0.1 }, "remove": "heater" },
            { "at": { "frame": 1, "time": 0.2 }, "remove": "heater" },
            { "at": { "frame": 1 } },
            { "at": { "frame": 1 }, "remove": "heater", "assert": { "metric": "heat.max", "op": "<", "value": 1 } },
            { "at": { "frame": 0 }, "assert": { "metric": "heat.max", "op": "<", "value": 1 } }
            """);

        Assert.Equal("""
            PML0108 $.timeline[0].at.frame: must be >= 0 (frame 0 is the initial state), got -1
            PML0108 $.timeline[1].at.time: must be a finite time >= 0 s within the run, got -0.1
            PML0108 $.timeline[2].at: give exactly one of frame or time (s)
            PML0108 $.timeline[3]: an event has exactly one action (set, add, remove, assert, pressure, training or screenshot); this one has 0
            PML0108 $.timeline[4]: an event has exactly one action (set, add, remove, assert, pressure, training or screenshot); this one has 2
            PML0108 $.timeline[5].at: an assertion needs frame >= 1: metrics are recorded from frame 1 on
            """.ReplaceLineEndings("\n"), problems);
    }

    [Fact]
    public void Unknown_entities_components_and_fields_and_wrong_values_are_refused_with_the_reason()
    {
        var problems = Problems("""
            { "at": { "frame": 1 }, "set": { "path": "entities.heatr.heatSource.rate", "value": 1 } },
            { "at": { "frame": 1 }, "set": { "path": "entities.heater.heatSourse.rate", "value": 1 } },
            { "at": { "frame": 1 }, "set": { "path": "entities.heater.heatPlate.nx", "value": 1 } },
            { "at": { "frame": 1 }, "set": { "path": "entities.heater.heatSource.rat", "value": 1 } },
            { "at": { "frame": 1 }, "set": { "path": "entities.heater.heatSource.rate", "value": "hot" } },
            { "at": { "frame": 1 }, "set": { "path": "entities.heater.heatSource.radius", "value": -1 } },
            { "at": { "frame": 1 }, "set": { "path": "entities.twin.heatSource.rate", "value": 1 } },
            { "at": { "frame": 1 }, "set": { "path": "heater.rate", "value": 1 } },
            { "at": { "frame": 1 }, "set": { "path": "entities.plate.heatPlate.boundary.left.kind", "value": "neumann" } }
            """);

        Assert.Equal("""
            PML0108 $.timeline[0].set.path: no entity named 'heatr' exists at this point of the timeline; named entities: heater, plate
            PML0108 $.timeline[1].set.path: unknown component 'heatSourse'; known components: heatPlate, heatSource
            PML0108 $.timeline[2].set.path: entity 'heater' has no heatPlate; it has: heatSource
            PML0108 $.timeline[3].set.path: entities.heater.heatSource.rat: unknown field 'rat'; known fields: radius, rate, x, y
            PML0108 $.timeline[4].set.value: entities.heater.heatSource.rate: invalid value: expected a number
            PML0108 $.timeline[5].set.value: entities.heater.heatSource.radius: must be a positive finite number, got -1
            PML0108 $.timeline[6].set.path: 2 entities are named 'twin'; give them unique names to address one
            PML0108 $.timeline[7].set.path: 'heater.rate' is not a path of the form entities.NAME.COMPONENT.FIELD (e.g. entities.source.smokeEmitter.densityRate)
            PML0108 $.timeline[8].set.path: heatPlate is read once, at Startup, by its plugin; changing, adding or removing it later would have no effect (a sweep can vary it: physml sweep --param)
            """.ReplaceLineEndings("\n"), problems);
    }

    [Fact]
    public void Events_are_checked_in_timeline_order_against_the_entities_that_exist_then()
    {
        var problems = Problems("""
            { "at": { "frame": 5 }, "set": { "path": "entities.chiller.heatSource.rate", "value": -2 } },
            { "at": { "frame": 2 }, "add": { "name": "chiller", "components": { "heatSource": { "x": 0.1, "y": 0.1 } } } },
            { "at": { "frame": 1 }, "set": { "path": "entities.chiller.heatSource.rate", "value": -2 } },
            { "at": { "frame": 6 }, "remove": "chiller" },
            { "at": { "frame": 7 }, "remove": "chiller" },
            { "at": { "frame": 3 }, "add": { "name": "heater", "components": { "heatSource": { "x": 0.1, "y": 0.1 } } } },
            { "at": { "frame": 3 }, "add": { "components": { "heatSource": { "x": 0.1, "y": 0.1 } } } },
            { "at": { "frame": 3 }, "add": { "name": "plate2", "components": { "heatPlate": { "nx": 4 } } } },
            { "at": { "frame": 3 }, "remove": "plate" }
            """);

        Assert.Equal("""
            PML0108 $.timeline[2].set.path: no entity named 'chiller' exists at this point of the timeline; named entities: heater, plate
            PML0108 $.timeline[5].add.name: an entity named 'heater' exists at frame 3; names address entities, so they must be unique
            PML0108 $.timeline[6].add.name: an added entity needs a name, so later events can change or remove it
            PML0108 $.timeline[7].add.components.heatPlate: heatPlate is read once, at Startup, by its plugin; changing, adding or removing it later would have no effect (a sweep can vary it: physml sweep --param)
            PML0108 $.timeline[8].remove: entity 'plate' has a heatPlate: heatPlate is read once, at Startup, by its plugin; changing, adding or removing it later would have no effect (a sweep can vary it: physml sweep --param)
            PML0108 $.timeline[4].remove: no entity named 'chiller' exists at this point of the timeline; named entities: heater, plate
            """.ReplaceLineEndings("\n"), problems);
    }

    [Fact]
    public void Added_components_are_read_and_validated_like_the_scene_file_s()
    {
        var problems = Problems("""
            { "at": { "frame": 1 }, "add": { "name": "a", "components": { "heatSource": { "x": 0.1, "y": 0.1, "radius": 0 } } } },
            { "at": { "frame": 1 }, "add": { "name": "b", "components": { "heatSource": { "x": 0.1, "y": 0.1, "power": 1 } } } },
            { "at": { "frame": 1 }, "assert": { "metric": "heat.max", "op": "==", "value": 1 } }
            """);

        Assert.Contains("PML0102 $.timeline[2].assert.op: invalid value: expected one of: <, <=, >, >=", problems);
        var loadable = Problems("""
            { "at": { "frame": 1 }, "add": { "name": "a", "components": { "heatSource": { "x": 0.1, "y": 0.1, "radius": 0 } } } },
            { "at": { "frame": 1 }, "add": { "name": "b", "components": { "heatSource": { "x": 0.1, "y": 0.1, "power": 1 } } } }
            """);
        Assert.Equal("""
            PML0105 $.timeline[0].add.components.heatSource.radius: must be a positive finite number, got 0
            PML0102 $.timeline[1].add.components.heatSource.power: unknown field 'power'; known fields: radius, rate, x, y
            """.ReplaceLineEndings("\n"), loadable);
    }
}
