namespace PhysML.Scenes.Reporting;

/// <summary>PNG line plots (ScottPlot): metric series against the frame number, or any named (x, y) series.</summary>
public static class MetricPlot
{
    public static void WritePng(Stream stream, string title, MetricSeries series, IReadOnlyList<string> names, string yLabel, bool logY) =>
        WritePng(stream, title, "frame", yLabel, logY, names.Select(name => (name, series[name])).ToArray());

    /// <summary>One line per named series; with <paramref name="logY"/>, non-positive values are left out.</summary>
    public static void WritePng(Stream stream, string title, string xLabel, string yLabel, bool logY,
        IReadOnlyList<(string Name, IReadOnlyList<(double X, double Y)> Points)> lines)
    {
        var plot = new ScottPlot.Plot();
        foreach (var (name, all) in lines)
        {
            var points = all.Where(p => !logY || p.Y > 0).ToArray();
            if (points.Length == 0) continue;
            var ys = points.Select(p => logY ? Math.Log10(p.Y) : p.Y).ToArray();
            var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), ys);
            line.LegendText = name;
            line.MarkerSize = points.Length > 60 ? 0 : 4;
        }
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(logY ? $"log10 {yLabel}" : yLabel);
        plot.ShowLegend();
        var bytes = plot.GetImageBytes(900, 420, ScottPlot.ImageFormat.Png);
        stream.Write(bytes);
    }
}
