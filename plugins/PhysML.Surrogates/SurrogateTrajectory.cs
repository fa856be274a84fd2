namespace PhysML.Surrogates;

/// <summary>
/// One prediction window of a surrogate: <see cref="Values"/> [Times·S] at t = <see cref="Start"/> + k·<see cref="SampleInterval"/>,
/// read at any time inside the window by linear interpolation between samples.
/// </summary>
public sealed class SurrogateTrajectory(double[] values, int times, double sampleInterval, double start, double[] residualPerExpert, double inferMs)
{
    public double[] Values { get; } = values;
    public int Times { get; } = times;
    public int Spatial => Values.Length / Times;
    public double SampleInterval { get; } = sampleInterval;
    public double Start { get; } = start;
    public double Horizon => SampleInterval * (Times - 1);
    public double End => Start + Horizon;
    public double[] ResidualPerExpert { get; } = residualPerExpert;
    public double InferMs { get; } = inferMs;

    /// <summary>The prediction at <see cref="End"/>, where the next window of an autoregressive rollout starts.</summary>
    public double[] Last => Values[((Times - 1) * Spatial)..];

    /// <summary>Whether <paramref name="time"/> lies inside the window (up to rounding).</summary>
    public bool Covers(double time) => time <= End + 1e-9 * Math.Max(1, Math.Abs(End));

    /// <summary>Writes the prediction at <paramref name="time"/> s (clamped to the window) into <paramref name="into"/>.</summary>
    public void Interpolate(double time, Span<double> into)
    {
        var position = Math.Clamp((time - Start) / SampleInterval, 0, Times - 1);
        var k = Math.Min((int)position, Times - 2);
        var f = position - k;
        for (var s = 0; s < Spatial; s++) into[s] = (1 - f) * Values[k * Spatial + s] + f * Values[(k + 1) * Spatial + s];
    }
}
