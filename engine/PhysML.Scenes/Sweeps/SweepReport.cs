using PhysML.Core.IO;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PhysML.Scenes.Recording;
using PhysML.Scenes.Reporting;
using PhysML.Scenes.Running;

namespace PhysML.Scenes.Sweeps;

/// <summary>
/// A sweep's outputs, built from its variants' run directories (so a resumed sweep reports every variant, whichever
/// process ran it): <c>sweep.csv</c>, one row per variant with the parameter values, the run's status and each metric's
/// first, last, min, max and mean from its <c>summary.json</c>; and <c>sweep-METRIC.png</c>, the metric per frame, one
/// line per variant.
/// </summary>
public static class SweepReport
{
    public const string Csv = "sweep.csv";
    private static readonly string[] Statistics = { "first", "last", "min", "max", "mean" };

    /// <summary>True when the directory holds a finished run (succeeded, or failed for a reason that a rerun would
    /// repeat) of <paramref name="frames"/> frames; a cancelled, crashed or shorter run is not finished.</summary>
    public static bool IsComplete(string runDirectory, int frames)
    {
        var path = Path.Combine(runDirectory, RunDirectory.Summary);
        if (!File.Exists(path)) return false;
        try
        {
            using var summary = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = summary.RootElement;
            return root.GetProperty("status").GetString() is "succeeded" or "failed"
                   && root.GetProperty("frames_requested").GetInt32() == frames;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <returns>The plots written, relative to the sweep directory.</returns>
    public static IReadOnlyList<string> Write(string directory, IReadOnlyList<SweepParameter> parameters, IReadOnlyList<SweepVariant> variants,
        IReadOnlyList<string>? plotMetrics)
    {
        var summaries = variants.Select(v => ReadSummary(Path.Combine(directory, v.Name))).ToList();
        var metrics = summaries.SelectMany(s => s?.Metrics ?? new Dictionary<string, JsonElement>()).Select(m => m.Key).Distinct().ToList();
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", new[] { "variant" }.Concat(parameters.Select(p => p.Path))
            .Concat(new[] { "status", "exit_code", "frames_completed", "wall_seconds" })
            .Concat(metrics.SelectMany(m => Statistics.Select(s => $"{m}.{s}"))).Select(CsvText.Quote)));
        for (var i = 0; i < variants.Count; i++)
        {
            var s = summaries[i];
            var cells = new List<string> { variants[i].Name };
            cells.AddRange(variants[i].Values.Select(v => SweepVariant.Text(v.Value)));
            cells.AddRange(s is null ? new[] { "not run", "", "", "" } : new[] { s.Status, s.ExitCode, s.FramesCompleted, s.WallSeconds });
            foreach (var metric in metrics)
                foreach (var statistic in Statistics)
                    cells.Add(s?.Metrics.TryGetValue(metric, out var m) == true && m.TryGetProperty(statistic, out var v) ? v.GetRawText() : "");
            csv.AppendLine(string.Join(",", cells.Select(CsvText.Quote)));
        }
        AtomicFile.Write(Path.Combine(directory, Csv), stream => stream.Write(Encoding.UTF8.GetBytes(csv.ToString())));
        return WritePlots(directory, variants, plotMetrics ?? metrics.Where(m => !m.EndsWith("_ms", StringComparison.Ordinal)).Take(1).ToList());
    }

    private static IReadOnlyList<string> WritePlots(string directory, IReadOnlyList<SweepVariant> variants, IReadOnlyList<string> metrics)
    {
        var runs = variants.Select(v => (v.Name, MetricSeries.Read(Path.Combine(directory, v.Name, RunDirectory.Metrics), Path.Combine(directory, v.Name, RunDirectory.Probes)))).ToList();
        var written = new List<string>();
        foreach (var metric in metrics)
        {
            var compared = MetricSeries.Compare(metric, runs);
            if (compared.Names.Count == 0) continue;
            // As in run reports: quantities that span decades are plotted on a log axis.
            var logY = metric.Contains("residual") || metric.Contains("divergence") || metric.Contains("rel_l2");
            var file = $"sweep-{metric}.png";
            AtomicFile.Write(Path.Combine(directory, file), stream => MetricPlot.WritePng(stream, $"{metric} per variant", compared, compared.Names, metric, logY));
            written.Add(file);
        }
        return written;
    }

    private sealed record Summary(string Status, string ExitCode, string FramesCompleted, string WallSeconds, Dictionary<string, JsonElement> Metrics);

    private static Summary? ReadSummary(string runDirectory)
    {
        var path = Path.Combine(runDirectory, RunDirectory.Summary);
        if (!File.Exists(path)) return null;
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement.Clone();
        var metrics = root.TryGetProperty("metrics", out var m) ? m.EnumerateObject().ToDictionary(p => p.Name, p => p.Value) : new Dictionary<string, JsonElement>();
        return new Summary(root.GetProperty("status").GetString()!, root.GetProperty("exit_code").GetRawText(),
            root.GetProperty("frames_completed").GetRawText(),
            root.GetProperty("wall_seconds").GetDouble().ToString("F3", CultureInfo.InvariantCulture), metrics);
    }
}
