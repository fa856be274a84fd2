using System.Diagnostics;
using System.Text.Json;

namespace PhysML.Cli.Tests;

public class RunCommandTests
{
    [Fact]
    public void Run_writes_summary_metrics_field_dumps_and_frames()
    {
        using var temp = new TempDirectory();
        var outDir = temp.Sub("heat");

        var run = CliRun.Of("run", TempDirectory.Scene("heat-plate.scene.json"), "--frames", "5", "--out", outDir, "--dump", "temperature");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"outputs in {Path.GetFullPath(outDir)}", run.Output);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal("succeeded", summary.RootElement.GetProperty("status").GetString());
        Assert.Equal(5, summary.RootElement.GetProperty("frames_completed").GetInt32());
        Assert.Equal(10.0, summary.RootElement.GetProperty("simulated_time").GetDouble()); // 5 frames × 4 steps × 0.5 s

        var lines = File.ReadAllLines(Path.Combine(outDir, "metrics.jsonl"));
        Assert.Equal(5, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            using var line = JsonDocument.Parse(lines[i]);
            Assert.Equal(i + 1, line.RootElement.GetProperty("frame").GetInt32());
            Assert.Equal(2.0 * (i + 1), line.RootElement.GetProperty("t").GetDouble());
            Assert.True(line.RootElement.GetProperty("step_ms").GetDouble() >= 0);
            Assert.True(line.RootElement.GetProperty("solve.iterations").GetDouble() >= 4);
            Assert.True(line.RootElement.GetProperty("solve.residual").GetDouble() <= 1e-10);
        }

        var dumps = Directory.GetFiles(Path.Combine(outDir, "fields")).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 6).Select(f => $"temperature_{f:D6}.npy"), dumps);
        var (header, values) = NpyFile.Read(Path.Combine(outDir, "fields", "temperature_000005.npy"));
        Assert.Contains("'descr': '<f8', 'fortran_order': False, 'shape': (64, 96)", header);
        Assert.Equal(64 * 96, values.Length);
        Assert.All(values, v => Assert.InRange(v, 250, 350));
        Assert.Equal(6, Directory.GetFiles(Path.Combine(outDir, "frames"), "*.png").Length);
    }

    [Fact]
    public void The_scene_decides_what_is_dumped_unless_the_command_line_overrides_it()
    {
        using var temp = new TempDirectory();
        var byScene = CliRun.Of("run", TempDirectory.Scene("heat-plate.scene.json"), "--frames", "4", "--out", temp.Sub("a"), "--image-every", "2");
        var everyThird = CliRun.Of("run", TempDirectory.Scene("heat-plate.scene.json"), "--frames", "4", "--out", temp.Sub("b"), "--dump-every", "3", "--image-every", "0");

        Assert.True(byScene.ExitCode == 0, byScene.ToString());
        Assert.True(everyThird.ExitCode == 0, everyThird.ToString());
        Assert.Equal(5, Directory.GetFiles(temp.Sub("a/fields")).Length);
        Assert.Equal(new[] { "000000.png", "000002.png", "000004.png" }, Directory.GetFiles(temp.Sub("a/frames")).Select(Path.GetFileName).Order());
        Assert.Equal(new[] { "temperature_000000.npy", "temperature_000003.npy", "temperature_000004.npy" },
            Directory.GetFiles(temp.Sub("b/fields")).Select(Path.GetFileName).Order());
        Assert.False(Directory.Exists(temp.Sub("b/frames")));
    }

    [Fact]
    public void Run_writes_a_markdown_and_html_report_with_a_metric_table_and_plots()
    {
        using var temp = new TempDirectory();
        var outDir = temp.Sub("heat");

        var run = CliRun.Of("run", TempDirectory.Scene("heat-plate.scene.json"), "--frames", "6", "--out", outDir);

        Assert.True(run.ExitCode == 0, run.ToString());
        var markdown = File.ReadAllText(Path.Combine(outDir, "report.md"));
        Assert.StartsWith("# Run report: heat-plate", markdown);
        Assert.Contains("- **status**: succeeded (exit code 0)", markdown);
        Assert.Contains("| `solve.iterations` |", markdown);
        Assert.Contains("![Solver iterations per frame](plots/iterations.png)", markdown);
        Assert.Contains("![last frame](frames/000006.png)", markdown);
        foreach (var plot in new[] { "step_ms.png", "iterations.png", "residual.png" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(outDir, "plots", plot));
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        }
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("<img src=\"plots/iterations.png\"", html);
    }

    [Fact]
    public void Npy_dumps_load_in_NumPy_with_the_documented_shape_and_dtype()
    {
        using var temp = new TempDirectory();
        var outDir = temp.Sub("heat");
        var run = CliRun.Of("run", TempDirectory.Scene("heat-plate.scene.json"), "--frames", "2", "--out", outDir,
            "--dump", "temperature", "--dump-dtype", "float32", "--image-every", "0");
        Assert.True(run.ExitCode == 0, run.ToString());
        var npy = Path.Combine(outDir, "fields", "temperature_000002.npy");
        var ours = NpyFile.Read(npy).Values;

        // NumPy itself (python3-numpy, installed by scripts/bootstrap.sh) is the reference reader.
        const string python = "/usr/bin/python3";
        Assert.True(File.Exists(python), "python3 with NumPy is needed for this check: run scripts/bootstrap.sh");
        var script = $"import numpy as np; a = np.load('{npy}'); print(a.shape, a.dtype, a.flags['C_CONTIGUOUS'], repr(float(a[10, 20])))";
        var info = new ProcessStartInfo(python, new[] { "-c", script }) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, stderr);
        Assert.Equal($"(64, 96) float32 True {ours[10 * 96 + 20]:R}", stdout.Trim());
    }

    [Fact]
    public void Running_again_into_a_previous_run_directory_replaces_it()
    {
        using var temp = new TempDirectory();
        var outDir = temp.Sub("heat");
        Assert.Equal(0, CliRun.Of("run", TempDirectory.Scene("heat-plate.scene.json"), "--frames", "4", "--out", outDir, "--dump", "temperature").ExitCode);

        var second = CliRun.Of("run", TempDirectory.Scene("heat-plate.scene.json"), "--frames", "2", "--out", outDir, "--image-every", "0", "--dump", "");

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(outDir, "metrics.jsonl")).Length);
        Assert.False(Directory.Exists(Path.Combine(outDir, "fields")));
    }

    [Fact]
    public void A_non_empty_directory_that_is_not_a_run_is_refused_and_left_alone()
    {
        using var temp = new TempDirectory();
        var precious = temp.File("thesis.tex", "do not delete");

        var run = CliRun.Of("run", TempDirectory.Scene("heat-plate.scene.json"), "--frames", "1", "--out", temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not empty and does not hold a PhysML run", run.Error);
        Assert.Equal("do not delete", File.ReadAllText(precious));
        Assert.Single(Directory.GetFileSystemEntries(temp.Path));
    }
}
