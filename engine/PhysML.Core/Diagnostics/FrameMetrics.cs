namespace PhysML.Core.Diagnostics;

/// <summary>
/// Per-frame figures systems report (e.g. <c>solve.iterations</c>), as a resource. The App clears it when a frame
/// starts; recorders and the HUD read it after the frame. Keys keep the order they were first set in, so output is
/// deterministic.
/// </summary>
public sealed class FrameMetrics
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

    public void Clear()
    {
        _order.Clear();
        _values.Clear();
    }
}
