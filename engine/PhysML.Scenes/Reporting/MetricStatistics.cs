namespace PhysML.Scenes.Reporting;

/// <summary>A metric over a run's frames, as the report's table and <c>summary.json</c>'s <c>metrics</c> give it.</summary>
public sealed record MetricStatistics(double First, double Last, double Min, double Max, double Mean)
{
    /// <summary>Every series of a run, in the order metrics.jsonl first wrote them.</summary>
    public static IReadOnlyDictionary<string, MetricStatistics> Of(MetricSeries series)
    {
        var statistics = new Dictionary<string, MetricStatistics>(StringComparer.Ordinal);
        foreach (var name in series.Names)
        {
            var values = series[name].Select(p => p.Value).ToArray();
            statistics[name] = new MetricStatistics(values[0], values[^1], values.Min(), values.Max(), values.Average());
        }
        return statistics;
    }
}
