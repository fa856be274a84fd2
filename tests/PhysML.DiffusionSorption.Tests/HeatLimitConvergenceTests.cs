using PhysML.DiffusionSorption;
using Xunit.Abstractions;

namespace PhysML.DiffusionSorption.Tests;

/// <summary>
/// With k = 0 the retardation is R ≡ 1 and the rod obeys the heat equation u_t = D·u_xx with u(0) = g and the
/// Cauchy/Robin outflow u(1) = −D·u_x(1). Its exact solution for a single eigenmode is
/// <code>  u = g·(1 − x/(1 + D)) + A·sin(λx)·exp(−Dλ²t),   sin λ + Dλ·cos λ = 0 (λ ≈ π(1 − D))</code>
/// (the linear part is the steady state; the sine satisfies both homogeneous conditions). This checks both boundary
/// conditions, not just the interior stencil.
/// </summary>
public class HeatLimitConvergenceTests(ITestOutputHelper output)
{
    private const double D = 5e-4, EndTime = 200, Amplitude = 0.5; // Dλ²t ≈ 0.99: the mode decays to e⁻¹

    /// <summary>The first root of sin λ + Dλ·cos λ in (π/2, π), by Newton from π.</summary>
    public static double Eigenvalue(double d)
    {
        var lambda = Math.PI;
        for (var k = 0; k < 50; k++)
        {
            var f = Math.Sin(lambda) + d * lambda * Math.Cos(lambda);
            var df = Math.Cos(lambda) + d * Math.Cos(lambda) - d * lambda * Math.Sin(lambda);
            lambda -= f / df;
        }
        return lambda;
    }

    private static double Exact(double x, double t, double lambda) =>
        1 - x / (1 + D) + Amplitude * Math.Sin(lambda * x) * Math.Exp(-D * lambda * lambda * t);

    /// <summary>max |u − u_exact| at t = 200 s, with dt = 50·h² s so the O(dt) time error also scales as h².</summary>
    private static double MaxError(int n, BoundaryStencil stencil)
    {
        var lambda = Eigenvalue(D);
        var rod = new DiffusionSorptionRod { Nx = n, FreundlichK = 0, Diffusivity = D, Boundary = stencil,
            Initial = new InitialConcentration { Kind = InitialKind.Uniform } };
        var simulation = new DiffusionSorptionSimulation(rod, seed: 0);
        var h = 1.0 / n;
        for (var i = 0; i < n; i++) simulation.U[i] = Exact((i + 0.5) * h, 0, lambda);
        var steps = (int)Math.Ceiling(EndTime / (50 * h * h));
        for (var s = 0; s < steps; s++) simulation.Step(EndTime / steps);
        Assert.Equal(EndTime, simulation.Time, 9);
        double error = 0;
        for (var i = 0; i < n; i++) error = Math.Max(error, Math.Abs(simulation.U[i] - Exact((i + 0.5) * h, EndTime, lambda)));
        return error;
    }

    [Fact]
    public void The_eigenvalue_is_the_root_near_pi()
    {
        var lambda = Eigenvalue(D);
        Assert.Equal(0, Math.Sin(lambda) + D * lambda * Math.Cos(lambda), 14);
        Assert.InRange(lambda, Math.PI * (1 - 2 * D), Math.PI * (1 - D / 2));
    }

    [Fact]
    public void Face_stencil_matches_the_analytic_solution_at_second_order_in_space()
    {
        var errors = new[] { 32, 64, 128 }.Select(n => MaxError(n, BoundaryStencil.SecondOrder)).ToArray();
        output.WriteLine($"second-order stencil, max error n=32,64,128: {string.Join(", ", errors.Select(e => e.ToString("E3")))}");

        // Order 2 expected: ±0.15 allows for the not-yet-asymptotic h⁴ terms at n = 32.
        Assert.InRange(Math.Log2(errors[0] / errors[1]), 1.85, 2.15);
        Assert.InRange(Math.Log2(errors[1] / errors[2]), 1.9, 2.1);
        // Size: the mode's decay-rate error is about (λ²h²/12 + Dλ²·dt/2)·Dλ² ≈ 2·h²·Dλ² relative, times t and A/e:
        // ≈ 0.4·h² in u. At n = 128 (h² = 6.1e-5) the error must be under 1e-4, far below the mode (0.18).
        Assert.True(errors[2] < 1e-4, $"max error {errors[2]:E3}");
    }

    [Fact]
    public void PdeBench_stencil_is_first_order_at_the_walls_and_converges()
    {
        // PDEBench's ghost values put u = 1 at x = −dx/2 and use a one-sided gradient at x = 1: O(h) errors. Documented,
        // not endorsed: this is the scheme that generated PDEBench's data, so it is the default for fidelity.
        var errors = new[] { 32, 64, 128 }.Select(n => MaxError(n, BoundaryStencil.PdeBench)).ToArray();
        output.WriteLine($"PDEBench stencil, max error n=32,64,128: {string.Join(", ", errors.Select(e => e.ToString("E3")))}");

        Assert.InRange(Math.Log2(errors[1] / errors[2]), 0.8, 1.2);
    }
}
