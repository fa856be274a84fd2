using PhysML.Core.Errors;
using PhysML.Scenes.Loading;
using PhysML.Scenes.Running;

namespace PhysML.Scenes.Tests;

/// <summary>
/// Each malformed scene in Malformed/ must fail with exactly this first diagnostic: file:line:column, error code,
/// JSON path and message. The positions are the token a scene author must look at (checked by hand against the files).
/// </summary>
public class MalformedSceneTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "syntax-missing-comma.scene.json", "4:3: error PML0101: $: not valid JSON: '\"' is invalid after a value. Expected either ',', '}', or ']'" },
        { "empty.scene.json", "1:1: error PML0101: $: the file is empty; a scene file is a JSON object (see scenes/heat-plate.scene.json)" },
        { "root-is-an-array.scene.json", "1:1: error PML0102: $: invalid value: expected an object with fields: $schema, description, entities, name, onPluginError, output, plugins, seed, time, timeline" },
        { "missing-name.scene.json", "1:1: error PML0102: $: missing required field(s) 'name'" },
        { "unknown-top-level-field.scene.json", "4:3: error PML0102: $.frame: unknown field 'frame'; known fields: $schema, description, entities, name, onPluginError, output, plugins, seed, time, timeline" },
        { "dt-not-a-number.scene.json", "4:13: error PML0102: $.time.dt: invalid value: expected a number" },
        { "negative-dt.scene.json", "4:13: error PML0105: $.time.dt: must be a positive finite number, got -0.1" },
        { "unknown-colormap.scene.json", "4:15: error PML0105: $.output.colormap: unknown colormap 'jet'; known: viridis, inferno, diverging" },
        { "unknown-plugin.scene.json", "3:23: error PML0104: $.plugins[1]: unknown plugin 'plasma'; known plugins: burgers, diffusionSorption, fluid, heat, learnedPressure, poisson, probes, surrogate, vorticity, wave" },
        { "duplicate-plugin.scene.json", "3:23: error PML0001: $.plugins[1]: plugin 'heat' is listed twice" },
        { "unknown-component.scene.json", "6:41: error PML0103: $.entities[1].components.heatSourse: unknown component 'heatSourse'; known components: heatPlate, heatSource" },
        { "component-of-unlisted-plugin.scene.json", "5:23: error PML0103: $.entities[0].components.heatPlate: component 'heatPlate' belongs to plugin 'heat', which $.plugins does not list; known components: (none: no enabled plugin registers components)" },
        { "component-not-an-object.scene.json", "5:23: error PML0102: $.entities[0].components.heatSource: invalid value: expected an object with fields: radius, rate, x, y" },
        { "unknown-component-field.scene.json", "9:45: error PML0102: $.entities[1].components.heatSource.powr: unknown field 'powr'; known fields: radius, rate, x, y" },
        { "unknown-enum-value.scene.json", "5:38: error PML0102: $.entities[0].components.heatPlate.scheme: invalid value: expected one of: explicit, implicit" },
        { "negative-radius.scene.json", "6:77: error PML0105: $.entities[1].components.heatSource.radius: must be a positive finite number, got -1" },
        { "edge-without-value.scene.json", "9:13: error PML0102: $.entities[0].components.heatPlate.boundary.left: missing required field(s) 'value'" },
        { "path-times-not-increasing.scene.json", "7:84: error PML0105: $.entities[1].components.diskObstacle.path[2].t: keyframe times must be strictly increasing: t = 0.5 s follows t = 1 s" },
        { "timeline-event-in-the-past.scene.json", "6:15: error PML0108: $.timeline[0].at.time: must be a finite time >= 0 s within the run, got -0.5" },
        { "timeline-unknown-field.scene.json", "6:38: error PML0108: $.timeline[0].set.path: entities.heater.heatSource.power: unknown field 'power'; known fields: radius, rate, x, y" },
        { "grid-too-small.scene.json", "5:38: error PML0105: $.entities[0].components.heatPlate.nx: must be between 2 and 8192, got 1" },
        // The fluid's physical parameters, in 3D as in 2D (issue 3, "Bad input").
        { "negative-viscosity-3d.scene.json", "5:83: error PML0105: $.entities[0].components.fluidDomain.viscosity: must be a finite number >= 0, got -0.001" },
        { "grid-of-size-0-3d.scene.json", "5:56: error PML0105: $.entities[0].components.fluidDomain.nx: must be between 2 and 4096, got 0" },
        { "negative-nz.scene.json", "5:74: error PML0105: $.entities[0].components.fluidDomain.nz: must be 0 (a 2D domain) or between 2 and 1024 (3D), got -8" },
        { "zero-dt-3d.scene.json", "4:13: error PML0105: $.time.dt: must be a positive finite number, got 0" },
    };

    /// <summary>Scenes whose fields are each valid but which break a rule only the plugin's Startup can check (it needs
    /// the rasterised obstacles); <c>physml validate</c> and <c>run</c> report them located the same way.</summary>
    public static TheoryData<string, string> StartupCases => new()
    {
        { "inflow-touches-obstacle-3d.scene.json", "11:13: error PML0105: $.entities[0].components.fluidDomain.boundary.left: the inflow on the left side touches 12 obstacle cell(s); move the obstacle at least one cell away from the inflow, or make that side a wall" },
        { "sphere-outside-domain-3d.scene.json", "6:59: error PML0105: $.entities[1].components.sphereObstacle.x: sphereObstacle of entity 'ball' spans x ∈ [0.4, 0.6] m, y ∈ [0.4, 0.6] m, z ∈ [0.85, 1.05] m, outside the fluid domain [0, 1] × [0, 1] × [0, 1] m (nx·cellSize × ny·cellSize × nz·cellSize)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Malformed_scene_fails_with_the_exact_located_error(string file, string expected)
    {
        var path = SceneFixtures.Malformed(file);

        var error = Assert.Throws<SceneException>(() => SceneFixtures.Loader().Load(path));

        Assert.Equal($"{path}:{expected}", error.Diagnostics[0].ToString());
        Assert.Equal(ErrorCategory.BadInput, error.Category);
        Assert.Equal(error.Diagnostics[0].Code, error.Code);
    }

    [Theory]
    [MemberData(nameof(StartupCases))]
    public void Malformed_scene_fails_at_startup_with_the_exact_located_error(string file, string expected)
    {
        var path = SceneFixtures.Malformed(file);
        var scene = SceneFixtures.Loader().Load(path);

        var error = Assert.Throws<SceneException>(() => new SceneRunner(scene, new RunOptions { Frames = 0 }));

        Assert.Equal($"{path}:{expected}", error.Diagnostics[0].ToString());
        Assert.Equal(ErrorCategory.BadInput, error.Category);
    }

    [Fact]
    public void Every_problem_in_a_scene_is_reported_not_only_the_first()
    {
        var error = Assert.Throws<SceneException>(() => SceneFixtures.Loader().Load(SceneFixtures.Malformed("grid-too-small.scene.json")));

        Assert.Equal(2, error.Diagnostics.Count);
        Assert.Equal("$.entities[0].components.heatPlate.diffusivity", error.Diagnostics[1].JsonPath);
        Assert.Equal(new SourcePosition(5, 56), error.Diagnostics[1].Position);
    }

    [Fact]
    public void A_missing_file_is_PML0106_naming_the_path()
    {
        var error = Assert.Throws<SceneException>(() => SceneFixtures.Loader().Load("/no/such/dir/x.scene.json"));

        Assert.Equal(ErrorCodes.SceneNotFound, error.Code);
        Assert.Equal("/no/such/dir/x.scene.json:1:1: error PML0106: $: scene file not found", error.Diagnostics[0].ToString());
    }
}
