namespace PhysML.Cli.Tests;

public class ProbeTests
{
    [Fact]
    public void Probes_write_one_csv_row_per_frame_with_values_sampled_from_the_field()
    {
        // A heat plate at rest with a linear steady state T = 1 − x/2 (Dirichlet 1 and 0, insulated y): bilinear
        // sampling is exact for a linear field, so the probes must read the analytic values.
        using var temp = new TempDirectory();
        var scene = temp.File("probed.scene.json", """
            { "name": "probed", "plugins": ["heat", "probes"], "time": { "dt": 1000, "frames": 3 },
              "entities": [
                { "components": { "heatPlate": { "nx": 20, "ny": 10, "width": 2, "height": 1, "diffusivity": 1, "solverTolerance": 1e-13,
                    "boundary": { "left": { "kind": "dirichlet", "value": 1 }, "right": { "kind": "dirichlet", "value": 0 },
                                  "bottom": { "kind": "neumann", "value": 0 }, "top": { "kind": "neumann", "value": 0 } } } } },
                { "name": "middle", "components": { "pointProbe": { "field": "temperature", "x": 1.0, "y": 0.5 } } },
                { "name": "drop, left to right", "components": { "differenceProbe": { "field": "temperature", "ax": 0.5, "ay": 0.3, "bx": 1.5, "by": 0.7 } } }
              ] }
            """);

        var run = CliRun.Of("run", scene, "--out", temp.Sub("out"), "--image-every", "0");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = File.ReadAllLines(Path.Combine(temp.Sub("out"), "probes.csv"));
        Assert.Equal("frame,t,middle,\"drop, left to right\"", lines[0]);
        Assert.Equal(4, lines.Length);
        var last = lines[3].Split(',');
        Assert.Equal("3", last[0]);
        Assert.Equal(0.5, double.Parse(last[2]), 8);
        Assert.Equal(0.5, double.Parse(last[3]), 8);
    }

    [Fact]
    public void A_probe_on_an_unknown_field_is_located_in_the_scene_file_and_nothing_runs()
    {
        using var temp = new TempDirectory();
        var scene = temp.File("bad-probe.scene.json", "{ \"name\": \"p\", \"plugins\": [\"heat\", \"probes\"],\n  \"entities\": [ { \"components\": { \"heatPlate\": {} } },\n    { \"components\": { \"pointProbe\": { \"field\": \"pressure\", \"x\": 0.5, \"y\": 0.5 } } } ] }");

        var run = CliRun.Of("run", scene, "--out", temp.Sub("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{scene}:3:39: error PML0105: $.entities[1].components.pointProbe.field: unknown field 'pressure'; fields a probe can sample: temperature", run.Error);
        Assert.False(Directory.Exists(temp.Sub("out")));
    }
}
