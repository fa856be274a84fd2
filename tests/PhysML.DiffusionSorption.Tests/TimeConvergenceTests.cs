using PhysML.DiffusionSorption;
using Xunit.Abstractions;

namespace PhysML.DiffusionSorption.Tests;

/// <summary>
/// Temporal order on the full nonlinear PDEBench problem (256 cells, random-constant start, t = 50 s): the difference
/// to a reference run with dt = 5/256 s (BDF2, whose own error there is ~1e-4 of the coarsest difference) must halve
/// with dt for backward Euler and quarter for BDF2.
/// </summary>
public class TimeConvergenceTests(ITestOutputHelper output)
{
    private const double EndTime = 50;

    private static double[] Run(DiffusionSorptionScheme scheme, double dt)
    {
        var rod = new DiffusionSorptionRod { Nx = 256, Scheme = scheme, NonlinearTolerance = 1e-13 };
        var simulation = new DiffusionSorptionSimulation(rod, seed: 5);
        var steps = (int)Math.Round(EndTime / dt);
        for (var s = 0; s < steps; s++) simulation.Step(dt);
        return simulation.U;
    }

    private static double MaxDifference(double[] a, double[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max();

    [Theory]
    [InlineData(DiffusionSorptionScheme.Implicit, 1.0)]
    [InlineData(DiffusionSorptionScheme.Bdf2, 2.0)]
    public void Halving_dt_shrinks_the_error_at_the_schemes_order(DiffusionSorptionScheme scheme, double order)
    {
        var reference = Run(DiffusionSorptionScheme.Bdf2, 5.0 / 256);
        var errors = new[] { 5.0, 2.5, 1.25, 0.625 }.Select(dt => MaxDifference(Run(scheme, dt), reference)).ToArray();
        output.WriteLine($"{scheme}: max |u − u_ref| at dt = 5, 2.5, 1.25, 0.625 s: " +
                         string.Join(", ", errors.Select(e => e.ToString("E3"))));

        // The inlet's jump from ~0.1 to 1 at t = 0 makes the first steps pre-asymptotic; the last two halvings must
        // show the order to within 15%.
        for (var k = 1; k < errors.Length - 1; k++)
            Assert.InRange(Math.Log2(errors[k] / errors[k + 1]), 0.85 * order, 1.15 * order);
    }
}
