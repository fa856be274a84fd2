namespace PhysML.Surrogates;

/// <summary>
/// A surrogate's prediction of one run: <see cref="Values"/> [Times·S] at t = k·<see cref="SampleInterval"/>, read
/// at any time by linear interpolation between samples; <see cref="Current"/> holds the last value read (the field the
/// viewer shows) and <see cref="Error"/> the surrogate minus the reference there.
/// </summary>
public sealed class SurrogateTrajectory(double[] values, int times, double sampleInterval, double[] residualPerExpert, double inferMs)
{
    public double[] Values { get; } = values;
    public int Times { get; } = times;
    public int Spatial => Values.Length / Times;
    public double SampleInterval { get; } = sampleInterval;
    public double Horizon => SampleInterval * (Times - 1);
    public double[] ResidualPerExpert { get; } = residualPerExpert;
    public double InferMs { get; } = inferMs;
    public double[] Current { get; } = new double[values.Length / times];
    public double[] Error { get; } = new double[values.Length / times];

    /// <summary>Fills <see cref="Current"/> and <see cref="Error"/> at <paramref name="time"/> s and returns
    /// ‖surrogate − reference‖/‖reference‖; null past the horizon.</summary>
    public double? Compare(double time, ReadOnlySpan<double> reference)
    {
        if (time > Horizon * (1 + 1e-9)) return null;
        var position = Math.Clamp(time / SampleInterval, 0, Times - 1);
        var k = Math.Min((int)position, Times - 2);
        var f = position - k;
        double difference = 0, norm = 0;
        for (var s = 0; s < Spatial; s++)
        {
            Current[s] = (1 - f) * Values[k * Spatial + s] + f * Values[(k + 1) * Spatial + s];
            Error[s] = Current[s] - reference[s];
            difference += Error[s] * Error[s];
            norm += reference[s] * reference[s];
        }
        return Math.Sqrt(difference / Math.Max(norm, 1e-300));
    }
}
