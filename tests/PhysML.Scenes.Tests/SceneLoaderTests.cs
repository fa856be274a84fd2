using System.Text;
using PhysML.Core.Application;
using PhysML.Core.Ecs;
using PhysML.Heat;
using PhysML.Scenes.Loading;

namespace PhysML.Scenes.Tests;

public class SceneLoaderTests
{
    [Fact]
    public void The_heat_plate_scene_builds_its_entities_components_and_plugins()
    {
        var scene = SceneFixtures.Loader().Load(SceneFixtures.Scene("heat-plate.scene.json"));

        Assert.Equal("heat-plate", scene.Name);
        Assert.True(scene.App.HasPlugin("heat"));
        Assert.Equal(0.5, scene.App.Settings.FixedDelta);
        Assert.Equal(1, scene.App.World.Resource<RandomSeed>().Value);
        var plate = scene.App.World.GetEntities(new QueryDescription().WithAll<HeatPlate>()).Single();
        Assert.Equal("plate", scene.App.World.Get<Name>(plate).Value);
        Assert.Equal(96, scene.App.World.Get<HeatPlate>(plate).Nx);
        Assert.Equal(-2.0, scene.App.World.Get<HeatPlate>(plate).Boundary.Right.Value);
        Assert.Equal(3, scene.App.World.CountEntities(new QueryDescription().WithAll<HeatSource>()));
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed_and_omitted_fields_take_their_defaults()
    {
        const string text = """
            // a comment
            {
              "name": "minimal", /* another */
              "plugins": ["heat",],
              "entities": [ { "components": { "heatPlate": { "nx": 4, }, }, }, ],
            }
            """;

        var scene = SceneFixtures.Loader().Parse("inline.scene.json", Encoding.UTF8.GetBytes(text));

        var plate = scene.App.World.GetEntities(new QueryDescription().WithAll<HeatPlate>()).Single();
        Assert.Equal(4, scene.App.World.Get<HeatPlate>(plate).Nx);
        Assert.Equal(new HeatPlate().Ny, scene.App.World.Get<HeatPlate>(plate).Ny);
        Assert.Equal(100, scene.File.Time.Frames);
    }

    [Fact]
    public void Position_index_maps_nested_paths_to_lines_and_character_columns()
    {
        var text = "{\n  \"a\": [1, {\"b\": \"é\", \"c\": 2}],\n  \"d\": {}\n}";

        var index = JsonPositionIndex.Build(Encoding.UTF8.GetBytes(text));

        Assert.Equal(new SourcePosition(2, 3), index.Find("$.a"));
        Assert.Equal(new SourcePosition(2, 9), index.Find("$.a[0]"));
        Assert.Equal(new SourcePosition(2, 12), index.Find("$.a[1]"));
        Assert.Equal(new SourcePosition(2, 13), index.Find("$.a[1].b"));
        // After a 2-byte 'é' the column counts characters, not bytes.
        Assert.Equal(new SourcePosition(2, 23), index.Find("$.a[1].c"));
        Assert.Equal(new SourcePosition(3, 3), index.Find("$.d.missing")); // falls back to the nearest ancestor
    }
}
