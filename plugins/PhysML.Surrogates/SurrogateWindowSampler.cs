using PhysML.ML.Surrogates;

namespace PhysML.Surrogates;

/// <summary>
/// Cuts training windows out of a running reference. Each frame's (time, field) is resampled onto the surrogate's time
/// grid t₀ + k·Δt (t₀ the first frame's time), linearly between the two frames around each grid time (exact when a
/// frame lasts Δt, as in the shipped scenes; frames longer than Δt smear the window); once <c>times</c> grid samples
/// follow one another, every new one completes a window that starts <c>times − 1</c> samples earlier.
/// </summary>
public sealed class SurrogateWindowSampler(int times, double interval)
{
    private readonly Queue<float[]> _recent = new();
    private double _origin;
    private long _next;
    private double _lastTime;
    private double[]? _last;

    /// <summary>Adds a frame; returns the windows it completes (none until the reference has run one horizon).</summary>
    public IReadOnlyList<SurrogateWindow> Add(double time, ReadOnlySpan<double> field)
    {
        var windows = new List<SurrogateWindow>();
        if (_last is null)
        {
            (_origin, _next) = (time, 1);
            Push(ToFloat(field, field, 0), windows);
        }
        else
        {
            for (var at = _origin + _next * interval; at <= time + 1e-9 * interval; at = _origin + ++_next * interval)
            {
                var f = time > _lastTime ? Math.Clamp((at - _lastTime) / (time - _lastTime), 0, 1) : 1;
                Push(ToFloat(_last, field, f), windows);
            }
        }
        _last = field.ToArray();
        _lastTime = time;
        return windows;
    }

    private void Push(float[] sample, List<SurrogateWindow> windows)
    {
        _recent.Enqueue(sample);
        if (_recent.Count < times) return;
        var solution = new float[times * sample.Length];
        var k = 0;
        foreach (var recent in _recent) recent.CopyTo(solution, k++ * sample.Length);
        windows.Add(new SurrogateWindow(_recent.Dequeue(), solution));
    }

    private static float[] ToFloat(ReadOnlySpan<double> from, ReadOnlySpan<double> to, double f)
    {
        var values = new float[from.Length];
        for (var i = 0; i < values.Length; i++) values[i] = (float)((1 - f) * from[i] + f * to[i]);
        return values;
    }
}
