using System.Text.Json;

namespace PhysML.Cli.Tests;

public class FailureTests
{
    private const string Plate = """
        "entities": [ { "components": { "heatPlate": { "nx": 8, "ny": 8, "diffusivity": 1e-6, "scheme": "explicit" } } },
                      { "components": { "heatSource": { "x": 0.5, "y": 0.5, "radius": 0.2, "rate": 1.7e308 } } } ]
        """;

    [Fact]
    public void A_malformed_scene_exits_2_with_file_line_column_and_writes_nothing()
    {
        using var temp = new TempDirectory();
        var scene = temp.File("bad.scene.json", "{\n  \"name\": \"bad\",\n  \"plugins\": [\"heat\"],\n  \"time\": { \"dt\": \"soon\" }\n}");
        var outDir = temp.Sub("out");

        var run = CliRun.Of("run", scene, "--out", outDir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{scene}:4:13: error PML0102: $.time.dt: invalid value: expected a number", run.Error);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void An_unstable_explicit_scene_is_bad_input_found_before_any_output()
    {
        using var temp = new TempDirectory();
        var scene = temp.File("unstable.scene.json", """
            { "name": "unstable", "plugins": ["heat"], "time": { "dt": 0.1 },
              "entities": [ { "components": { "heatPlate": { "nx": 64, "ny": 64, "diffusivity": 1, "scheme": "explicit" } } } ] }
            """);
        var outDir = temp.Sub("out");

        var run = CliRun.Of("run", scene, "--out", outDir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error PML0105", run.Error);
        Assert.Contains("unstable with time.dt", run.Error);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void A_simulation_that_blows_up_exits_3_and_summary_says_where()
    {
        using var temp = new TempDirectory();
        // 1.7e308 K/s for 2 s overflows a double: the non-finite guard must stop the run in the first fixed step.
        var scene = temp.File("overflow.scene.json", $$"""{ "name": "overflow", "plugins": ["heat"], "time": { "dt": 2, "frames": 10 }, {{Plate}} }""");
        var outDir = temp.Sub("out");

        var run = CliRun.Of("run", scene, "--out", outDir);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("error PML0301", run.Error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal("failed", summary.RootElement.GetProperty("status").GetString());
        Assert.Equal(3, summary.RootElement.GetProperty("exit_code").GetInt32());
        Assert.Equal(0, summary.RootElement.GetProperty("frames_completed").GetInt32());
        var error = summary.RootElement.GetProperty("error");
        Assert.Equal("PML0301", error.GetProperty("code").GetString());
        Assert.Contains("field 'temperature' became Infinity at cell [", error.GetProperty("message").GetString());
        Assert.Contains("- **status**: failed (exit code 3)", File.ReadAllText(Path.Combine(outDir, "report.md")));
        Assert.Contains("> **Error PML0301**", File.ReadAllText(Path.Combine(outDir, "report.md")));
    }

    [Fact]
    public void Unknown_dump_field_unknown_display_field_and_bad_arguments_exit_2()
    {
        using var temp = new TempDirectory();
        var scene = TempDirectory.Scene("heat-plate.scene.json");
        var dump = CliRun.Of("run", scene, "--dump", "pressure", "--out", temp.Sub("a"));
        Assert.Equal(2, dump.ExitCode);
        Assert.Contains("--dump: unknown field 'pressure'; this scene has: temperature", dump.Error);

        var display = temp.File("display.scene.json", """{ "name": "d", "plugins": ["heat"], "output": { "display": "velocity" }, "entities": [ { "components": { "heatPlate": {} } } ] }""");
        var displayRun = CliRun.Of("validate", display);
        Assert.Equal(2, displayRun.ExitCode);
        Assert.Contains($"{display}:1:49: error PML0105: $.output.display: unknown field 'velocity'; this scene has: temperature", displayRun.Error);

        var sceneDump = temp.File("dump.scene.json", """{ "name": "d", "plugins": ["heat"], "output": { "dump": ["temperature", "pressure"] }, "entities": [ { "components": { "heatPlate": {} } } ] }""");
        var sceneDumpRun = CliRun.Of("run", sceneDump, "--out", temp.Sub("b"));
        Assert.Equal(2, sceneDumpRun.ExitCode);
        Assert.Contains($"{sceneDump}:1:73: error PML0105: $.output.dump[1]: unknown field 'pressure'; this scene has: temperature", sceneDumpRun.Error);
        Assert.False(Directory.Exists(temp.Sub("b")));

        var frames = CliRun.Of("run", scene, "--frames", "many");
        Assert.Equal(2, frames.ExitCode);
        Assert.Contains("many", frames.Error);

        var backend = CliRun.Of("run", scene, "--backend", "cuda");
        Assert.Equal(2, backend.ExitCode);
    }

    [Fact]
    public void Validate_accepts_the_shipped_scene_without_writing_anything()
    {
        var run = CliRun.Of("validate", TempDirectory.Scene("heat-plate.scene.json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("ok: scene 'heat-plate', 4 entities, plugins [heat], fields [temperature]", run.Output);
    }

    [Fact]
    public void Plugins_lists_the_heat_plugin_and_its_components()
    {
        var run = CliRun.Of("plugins");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("heat  (PhysML.Heat.HeatPlugin, built-in)", run.Output);
        Assert.Contains("engine PhysML.Core 0.1.0.0 (plugins built against 0.1.x load)", run.Output);
        Assert.Contains("component heatPlate", run.Output);
        Assert.Contains("component heatSource", run.Output);
    }
}
