namespace PhysML.Core.Diagnostics;

/// <summary>Named numbers that keep the order their names were first set in, so what is written from them is
/// deterministic. The base of the per-frame resources <see cref="FrameMetrics"/> and <see cref="ProbeReadings"/>.</summary>
public abstract class NamedValues
{
    private readonly List<string> _order = new();
    private readonly Dictionary<string, double> _values = new();

    public void Set(string key, double value)
    {
        if (!_values.ContainsKey(key)) _order.Add(key);
        _values[key] = value;
    }

    /// <summary>Adds to a figure that accumulates over the frame's fixed steps (e.g. total iterations).</summary>
    public void Add(string key, double value) => Set(key, (_values.TryGetValue(key, out var old) ? old : 0) + value);

    public bool TryGet(string key, out double value) => _values.TryGetValue(key, out value);

    public IEnumerable<KeyValuePair<string, double>> Entries => _order.Select(k => new KeyValuePair<string, double>(k, _values[k]));

    public int Count => _order.Count;

    public void Clear()
    {
        _order.Clear();
        _values.Clear();
    }
}
