using System.Text.Json;

namespace PhysML.Cli.Tests;

/// <summary>Every scene shipped in scenes/ runs a few frames headless and stays finite.</summary>
public class SceneSmokeTests
{
    public static TheoryData<string> Scenes()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "scenes"), "*.scene.json").Order())
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Scenes))]
    public void Scene_runs_five_frames(string scene)
    {
        using var temp = new TempDirectory();

        var run = CliRun.Of("run", TempDirectory.Scene(scene), "--frames", "5", "--out", temp.Sub("run"), "--image-every", "5");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = File.ReadAllLines(Path.Combine(temp.Sub("run"), "metrics.jsonl"));
        Assert.Equal(5, lines.Length);
        foreach (var line in lines)
        {
            using var metrics = JsonDocument.Parse(line);
            foreach (var property in metrics.RootElement.EnumerateObject())
                Assert.True(property.Value.ValueKind == JsonValueKind.Number, $"{scene}: {property.Name} is {property.Value}");
        }
        // Scenes whose display field is 2D also write their last frame as a PNG (1D scenes warn and write none).
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Sub("run"), "summary.json")));
        if (summary.RootElement.GetProperty("display_field").ValueKind == JsonValueKind.String)
            Assert.True(File.Exists(Path.Combine(temp.Sub("run"), "frames", "000005.png")));
    }
}
