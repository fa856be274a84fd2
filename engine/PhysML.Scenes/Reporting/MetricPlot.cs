namespace PhysML.Scenes.Reporting;

/// <summary>One PNG line plot of several metric series against the frame number (ScottPlot).</summary>
internal static class MetricPlot
{
    public static void WritePng(Stream stream, string title, MetricSeries series, IReadOnlyList<string> names, string yLabel, bool logY)
    {
        var plot = new ScottPlot.Plot();
        foreach (var name in names)
        {
            var points = series[name].Where(p => !logY || p.Value > 0).ToArray();
            if (points.Length == 0) continue;
            var ys = points.Select(p => logY ? Math.Log10(p.Value) : p.Value).ToArray();
            var line = plot.Add.Scatter(points.Select(p => p.Frame).ToArray(), ys);
            line.LegendText = name;
            line.MarkerSize = points.Length > 60 ? 0 : 4;
        }
        plot.Title(title);
        plot.XLabel("frame");
        plot.YLabel(logY ? $"log10 {yLabel}" : yLabel);
        plot.ShowLegend();
        var bytes = plot.GetImageBytes(900, 420, ScottPlot.ImageFormat.Png);
        stream.Write(bytes);
    }
}
