using PhysML.DiffusionSorption;
using Xunit.Abstractions;

namespace PhysML.DiffusionSorption.Tests;

/// <summary>
/// Temporal order. Each run is compared with a reference on the same grid and a 256× smaller dt (BDF2), so only the
/// time error is measured; the reference's own error is below 1% of the smallest difference it is compared with.
/// </summary>
public class TimeConvergenceTests(ITestOutputHelper output)
{
    private static readonly double[] Steps = [5.0, 2.5, 1.25, 0.625];

    /// <summary>The full nonlinear PDEBench problem: 256 cells, random-constant start (seed 5), t = 50 s.</summary>
    private static double[] RunPdeBench(DiffusionSorptionScheme scheme, double dt)
    {
        var rod = new DiffusionSorptionRod { Nx = 256, Scheme = scheme, NonlinearTolerance = 1e-13 };
        var simulation = new DiffusionSorptionSimulation(rod, seed: 5);
        var steps = (int)Math.Round(50 / dt);
        for (var s = 0; s < steps; s++) simulation.Step(dt);
        return simulation.U;
    }

    /// <summary>The smooth heat-limit eigenmode of <see cref="HeatLimitConvergenceTests"/> on 64 cells, t = 200 s.</summary>
    private static double[] RunSmooth(DiffusionSorptionScheme scheme, double dt)
    {
        var rod = new DiffusionSorptionRod { Nx = 64, FreundlichK = 0, Scheme = scheme, Boundary = BoundaryStencil.SecondOrder };
        var simulation = new DiffusionSorptionSimulation(rod, seed: 0);
        var lambda = HeatLimitConvergenceTests.Eigenvalue(rod.Diffusivity);
        for (var i = 0; i < rod.Nx; i++)
        {
            var x = (i + 0.5) / rod.Nx;
            simulation.U[i] = 1 - x / (1 + rod.Diffusivity) + 0.5 * Math.Sin(lambda * x);
        }
        var steps = (int)Math.Round(200 / (4 * dt)); // dt = 20, 10, 5, 2.5 s: the mode decays as exp(−0.0049 t)
        for (var s = 0; s < steps; s++) simulation.Step(4 * dt);
        return simulation.U;
    }

    private static double MaxDifference(double[] a, double[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max();

    private double[] Errors(string label, Func<double, double[]> run)
    {
        var reference = run(Steps[^1] / 256);
        var errors = Steps.Select(dt => MaxDifference(run(dt), reference)).ToArray();
        output.WriteLine($"{label}: max |u − u_ref| at the four dt: {string.Join(", ", errors.Select(e => e.ToString("E3")))}");
        return errors;
    }

    private static void AssertOrder(double[] errors, double order)
    {
        // The last two halvings must show the order to within 15% (the first is still pre-asymptotic).
        for (var k = 1; k < errors.Length - 1; k++)
            Assert.InRange(Math.Log2(errors[k] / errors[k + 1]), 0.85 * order, 1.15 * order);
    }

    [Fact]
    public void Backward_Euler_is_first_order_on_the_nonlinear_PDEBench_problem()
    {
        AssertOrder(Errors("implicit, PDEBench problem, dt = 5..0.625 s", dt => RunPdeBench(DiffusionSorptionScheme.Implicit, dt)), 1);
    }

    [Fact]
    public void Bdf2_is_second_order_on_a_smooth_problem()
    {
        AssertOrder(Errors("bdf2, smooth eigenmode, dt = 20..2.5 s", dt => RunSmooth(DiffusionSorptionScheme.Bdf2, dt)), 2);
    }

    [Fact]
    public void Bdf2_beats_backward_Euler_on_the_PDEBench_problem_despite_order_reduction()
    {
        // The inlet jumps from u₀ ≈ 0.1 to 1 at t = 0: u_t ~ t^(−1/2) near x = 0, so BDF2's order falls to about 1
        // there (the classical order reduction for incompatible initial/boundary data); its error constant stays
        // ~10× smaller than backward Euler's. Asserted: ≥ 5× smaller at every dt, and still converging.
        var bdf2 = Errors("bdf2, PDEBench problem", dt => RunPdeBench(DiffusionSorptionScheme.Bdf2, dt));
        var euler = Errors("implicit, PDEBench problem", dt => RunPdeBench(DiffusionSorptionScheme.Implicit, dt));
        for (var k = 0; k < Steps.Length; k++) Assert.True(bdf2[k] * 5 <= euler[k], $"dt = {Steps[k]}: {bdf2[k]:E3} vs {euler[k]:E3}");
        AssertOrder(bdf2, 1);
    }
}
