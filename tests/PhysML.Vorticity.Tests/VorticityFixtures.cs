using System.Numerics;

namespace PhysML.Vorticity.Tests;

internal static class VorticityFixtures
{
    /// <summary>A seeded random field with every mode beyond the 2/3-rule cutoff removed, so the Galerkin-truncated
    /// dynamics apply exactly from the start.</summary>
    public static VorticitySimulation BandLimited(int n, double viscosity, int seed)
    {
        var simulation = new VorticitySimulation(new VorticityDomain { N = n, Viscosity = viscosity }, seed);
        var w = simulation.Coefficients.ToArray();
        for (var k = 0; k < w.Length; k++) w[k] *= simulation.Spectral.Dealias[k];
        new Fft2D(n).Inverse(w);
        simulation.SetVorticity(w.Select(c => c.Real).ToArray());
        return simulation;
    }

    public static double RelativeL2(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected)
    {
        double diff = 0, norm = 0;
        for (var k = 0; k < expected.Length; k++)
        {
            diff += (actual[k] - expected[k]) * (actual[k] - expected[k]);
            norm += expected[k] * expected[k];
        }
        return Math.Sqrt(diff / norm);
    }

    public static double MaxAbsDifference(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected)
    {
        double max = 0;
        for (var k = 0; k < expected.Length; k++) max = Math.Max(max, Math.Abs(actual[k] - expected[k]));
        return max;
    }

    public static double MaxAbs(ReadOnlySpan<double> values)
    {
        double max = 0;
        foreach (var v in values) max = Math.Max(max, Math.Abs(v));
        return max;
    }
}
