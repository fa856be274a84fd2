using PhysML.Core.IO;
using System.Globalization;
using System.Net;
using System.Text;
using PhysML.Scenes.Recording;
using PhysML.Scenes.Running;

namespace PhysML.Scenes.Reporting;

/// <summary>
/// Writes <c>report.md</c> and <c>report.html</c> for a finished (or failed) run: the scene and settings, a summary
/// table of every metric (first, last, min, max, mean), and plots (ScottPlot, PNG under <c>plots/</c>) of step time,
/// solver iterations and residuals, the physics figures (energy, mass, divergence, errors, forces) and probes.
/// Built from the files on disk, so the report shows exactly what the run recorded.
/// </summary>
public static class RunReport
{
    public const string Markdown = "report.md";
    public const string Html = "report.html";
    public const string Plots = "plots";

    public static void Write(string directory, RunSummary summary, string? description)
    {
        var series = MetricSeries.Read(Path.Combine(directory, RunDirectory.Metrics), Path.Combine(directory, RunDirectory.Probes));
        Directory.CreateDirectory(Path.Combine(directory, Plots));
        var plots = new List<(string Title, string File)>();
        void Plot(string title, string file, IEnumerable<string> names, string yLabel, bool logY = false)
        {
            var present = names.Where(series.Contains).ToList();
            if (present.Count == 0) return;
            AtomicFile.Write(Path.Combine(directory, Plots, file), stream => MetricPlot.WritePng(stream, title, series, present, yLabel, logY));
            plots.Add((title, $"{Plots}/{file}"));
        }

        Plot("Step time", "step_ms.png", series.Names.Where(n => n.EndsWith("_ms", StringComparison.Ordinal)), "ms");
        Plot("Solver iterations per frame", "iterations.png", series.Names.Where(n => n.EndsWith("iterations", StringComparison.Ordinal)), "iterations");
        Plot("Solver relative residual (worst per frame)", "residual.png", series.Names.Where(n => n.EndsWith("residual", StringComparison.Ordinal)), "‖r‖/‖b‖", logY: true);
        Plot("Energy and mass", "energy_mass.png", series.Names.Where(n => n.Contains("energy") || n.Contains("mass")), "value");
        Plot("Divergence and errors", "errors.png", series.Names.Where(n => n.Contains("divergence") || n.Contains("rel_l2") || n.EndsWith(".error", StringComparison.Ordinal)), "value", logY: true);
        Plot("Forces", "forces.png", series.Names.Where(n => n.StartsWith("forces.", StringComparison.Ordinal) && (n.EndsWith(".cd") || n.EndsWith(".cl"))), "coefficient");
        Plot("Probes", "probes.png", series.Names.Where(n => n.StartsWith("probe.", StringComparison.Ordinal)), "value");

        var lastFrame = Directory.Exists(Path.Combine(directory, RunDirectory.Frames))
            ? Directory.GetFiles(Path.Combine(directory, RunDirectory.Frames), "*.png").Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        var model = new ReportModel(summary, description, series, plots, lastFrame is null ? null : $"{RunDirectory.Frames}/{Path.GetFileName(lastFrame)}")
        {
            Video = summary.Video is null ? null : Path.GetRelativePath(Path.GetFullPath(directory), Path.GetFullPath(summary.Video)).Replace('\\', '/'),
        };
        AtomicFile.Write(Path.Combine(directory, Markdown), s => WriteText(s, ReportText.Markdown(model)));
        AtomicFile.Write(Path.Combine(directory, Html), s => WriteText(s, ReportText.Html(model)));
    }

    private static void WriteText(Stream stream, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        stream.Write(bytes);
    }
}

/// <summary>What a report shows.</summary>
internal sealed record ReportModel(RunSummary Summary, string? Description, MetricSeries Series,
    IReadOnlyList<(string Title, string File)> Plots, string? LastFrame)
{
    /// <summary>The run's video relative to the run directory (links resolve from report.md), or null.</summary>
    public string? Video { get; init; }
}

/// <summary>The report's text in Markdown and in HTML, from one model.</summary>
internal static class ReportText
{
    public static string Markdown(ReportModel m)
    {
        var s = m.Summary;
        var b = new StringBuilder();
        b.AppendLine($"# Run report: {s.Scene}").AppendLine();
        if (m.Description is not null) b.AppendLine(m.Description).AppendLine();
        foreach (var (key, value) in Settings(s)) b.AppendLine($"- **{key}**: {value}");
        if (s.Error is not null) b.AppendLine().AppendLine($"> **Error {s.Error.Code}**: {s.Error.Message}");
        foreach (var w in s.Warnings) b.AppendLine().AppendLine($"> Warning: {w}");
        b.AppendLine().AppendLine("## Metrics").AppendLine();
        b.AppendLine("| metric | first | last | min | max | mean |").AppendLine("|---|--:|--:|--:|--:|--:|");
        foreach (var row in Rows(m.Series)) b.AppendLine($"| `{row[0]}` | {string.Join(" | ", row.Skip(1))} |");
        b.AppendLine().AppendLine("## Plots").AppendLine();
        foreach (var (title, file) in m.Plots) b.AppendLine($"### {title}").AppendLine().AppendLine($"![{title}]({file})").AppendLine();
        if (m.LastFrame is not null) b.AppendLine("## Last frame").AppendLine().AppendLine($"![last frame]({m.LastFrame})");
        if (m.Video is not null) b.AppendLine().AppendLine("## Video").AppendLine().AppendLine($"[{Path.GetFileName(m.Video)}]({m.Video})");
        return b.ToString();
    }

    public static string Html(ReportModel m)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var s = m.Summary;
        var b = new StringBuilder();
        b.AppendLine($"<!doctype html><html><head><meta charset=\"utf-8\"><title>Run report: {E(s.Scene)}</title>");
        b.AppendLine("<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}table{border-collapse:collapse}" +
                     "td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}td:first-child{text-align:left;font-family:monospace}" +
                     "img{max-width:100%}.error{background:#fee;padding:8px}</style></head><body>");
        b.AppendLine($"<h1>Run report: {E(s.Scene)}</h1>");
        if (m.Description is not null) b.AppendLine($"<p>{E(m.Description)}</p>");
        b.AppendLine("<ul>");
        foreach (var (key, value) in Settings(s)) b.AppendLine($"<li><b>{E(key)}</b>: {E(value)}</li>");
        b.AppendLine("</ul>");
        if (s.Error is not null) b.AppendLine($"<p class=\"error\"><b>Error {E(s.Error.Code ?? "")}</b>: {E(s.Error.Message)}</p>");
        foreach (var w in s.Warnings) b.AppendLine($"<p>Warning: {E(w)}</p>");
        b.AppendLine("<h2>Metrics</h2><table><tr><th>metric</th><th>first</th><th>last</th><th>min</th><th>max</th><th>mean</th></tr>");
        foreach (var row in Rows(m.Series)) b.AppendLine("<tr>" + string.Concat(row.Select(c => $"<td>{E(c)}</td>")) + "</tr>");
        b.AppendLine("</table><h2>Plots</h2>");
        foreach (var (title, file) in m.Plots) b.AppendLine($"<h3>{E(title)}</h3><img src=\"{E(file)}\" alt=\"{E(title)}\">");
        if (m.LastFrame is not null) b.AppendLine($"<h2>Last frame</h2><img src=\"{E(m.LastFrame)}\" alt=\"last frame\">");
        if (m.Video is not null) b.AppendLine($"<h2>Video</h2><video src=\"{E(m.Video)}\" controls></video>");
        b.AppendLine("</body></html>");
        return b.ToString();
    }

    private static IEnumerable<(string, string)> Settings(RunSummary s)
    {
        yield return ("status", $"{s.Status.ToString().ToLowerInvariant()} (exit code {s.ExitCode})");
        yield return ("scene file", s.SceneFile);
        yield return ("frames", $"{s.FramesCompleted} of {s.FramesRequested}, {s.StepsPerFrame} steps of {F(s.Dt)} s each, {F(s.SimulatedTime)} s simulated");
        yield return ("wall time", $"{s.WallSeconds:F2} s");
        yield return ("seed", s.Seed.ToString(CultureInfo.InvariantCulture));
        yield return ("backend", s.BackendRequested == s.BackendUsed ? s.BackendUsed : $"{s.BackendUsed} ({s.BackendRequested} requested)");
        yield return ("versions", string.Join(", ", s.Versions.Select(v => $"{v.Key} {v.Value}")));
    }

    private static IEnumerable<string[]> Rows(MetricSeries series) => MetricStatistics.Of(series).Select(m =>
        new[] { m.Key, F(m.Value.First), F(m.Value.Last), F(m.Value.Min), F(m.Value.Max), F(m.Value.Mean) });

    private static string F(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
