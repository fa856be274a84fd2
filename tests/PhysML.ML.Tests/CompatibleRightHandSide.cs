using PhysML.Solvers;

namespace PhysML.ML.Tests;

/// <summary>Right-hand sides for the pressure systems of these tests: zero on non-unknowns, and of zero mean over the
/// unknowns when A is singular (all-Neumann), so that A x = b has a solution.</summary>
internal static class CompatibleRightHandSide
{
    /// <summary>Uniform noise in [−½, ½) on the unknowns, from <paramref name="seed"/>, made compatible.</summary>
    public static double[] Noise(IPoissonStencil a, int seed)
    {
        var random = new Random(seed);
        var b = Enumerable.Range(0, a.Size).Select(c => a.IsUnknown(c) ? random.NextDouble() - 0.5 : 0).ToArray();
        if (a.IsSingular) RemoveMean(a, b);
        return b;
    }

    /// <summary>Subtracts the mean over the unknowns from <paramref name="b"/> in place.</summary>
    public static void RemoveMean(IPoissonStencil a, double[] b)
    {
        var mean = Enumerable.Range(0, a.Size).Where(a.IsUnknown).Average(c => b[c]);
        for (var c = 0; c < b.Length; c++) if (a.IsUnknown(c)) b[c] -= mean;
    }
}
