using System.Globalization;
using System.Text.Json;

namespace PhysML.Scenes.Reporting;

/// <summary>Per-frame series read back from a run directory's metrics.jsonl and probes.csv.</summary>
public sealed class MetricSeries
{
    private readonly Dictionary<string, List<(double Frame, double Value)>> _series = new(StringComparer.Ordinal);
    private readonly List<string> _order = new();

    public IReadOnlyList<string> Names => _order;

    public IReadOnlyList<(double Frame, double Value)> this[string name] => _series[name];

    public bool Contains(string name) => _series.ContainsKey(name);

    public static MetricSeries Read(string metricsJsonl, string probesCsv)
    {
        var series = new MetricSeries();
        if (File.Exists(metricsJsonl))
        {
            foreach (var line in File.ReadLines(metricsJsonl))
            {
                using var json = JsonDocument.Parse(line);
                var frame = json.RootElement.GetProperty("frame").GetDouble();
                foreach (var property in json.RootElement.EnumerateObject())
                    if (property.Name is not ("frame" or "t") && property.Value.ValueKind == JsonValueKind.Number)
                        series.Add(property.Name, frame, property.Value.GetDouble());
            }
        }
        if (File.Exists(probesCsv))
        {
            var lines = File.ReadAllLines(probesCsv);
            var header = SplitCsv(lines[0]);
            foreach (var line in lines.Skip(1))
            {
                var cells = SplitCsv(line);
                var frame = double.Parse(cells[0], CultureInfo.InvariantCulture);
                for (var c = 2; c < cells.Count && c < header.Count; c++)
                    if (double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                        series.Add("probe." + header[c], frame, v);
            }
        }
        return series;
    }

    /// <summary>One metric from several runs, each series named by its run's label (a sweep's comparison plot).</summary>
    public static MetricSeries Compare(string metric, IEnumerable<(string Label, MetricSeries Run)> runs)
    {
        var compared = new MetricSeries();
        foreach (var (label, run) in runs)
            if (run.Contains(metric))
                foreach (var (frame, value) in run[metric]) compared.Add(label, frame, value);
        return compared;
    }

    private void Add(string name, double frame, double value)
    {
        if (!_series.TryGetValue(name, out var list))
        {
            _series[name] = list = new List<(double, double)>();
            _order.Add(name);
        }
        list.Add((frame, value));
    }

    // The CSV the recorder writes: fields quoted only when they hold a comma or quote.
    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        cells.Add(current.ToString());
        return cells;
    }
}
