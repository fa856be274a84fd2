using PhysML.Pde;

namespace PhysML.Pde.Tests;

/// <summary>
/// Against the exact Cole–Hopf solutions, at a fixed Courant number (dt ∝ h, so the O(dt²) and O(h²) errors fall
/// together): MUSCL + Rusanov + SSP Heun is second order, the constant reconstruction first order.
/// </summary>
public class BurgersConvergenceTests
{
    private const double Courant = 0.5;

    private static double Error1D(int nx, BurgersReconstruction reconstruction, double viscosity, double amplitude, double endTime)
    {
        var domain = new Burgers1D
        {
            Nx = nx, Length = 2, Viscosity = viscosity, Reconstruction = reconstruction,
            Initial = new BurgersInitial { Kind = BurgersInitialKind.ColeHopf, Amplitude = amplitude },
        };
        var simulation = new Burgers1DSimulation(domain);
        var steps = (int)Math.Ceiling(endTime * Burgers1D.Courant(1, domain.Dx, viscosity, simulation.MaxAbs) / Courant);
        for (var s = 0; s < steps; s++) Assert.True(simulation.Step(endTime / steps) <= Courant + 1e-12);
        Assert.Equal(endTime, simulation.Time, 12);
        return BurgersAnalytic.RelativeL2Error(domain, simulation.Time, simulation.U);
    }

    // a = 0.9, ν = 0.02: max u ≈ 0.6, a front of width ~0.1, Reynolds number u·L/ν ≈ 60.
    [Theory]
    [InlineData(BurgersReconstruction.VanLeer, 1.9, 2.2)]
    [InlineData(BurgersReconstruction.Minmod, 1.7, 2.1)]
    [InlineData(BurgersReconstruction.Unlimited, 1.7, 2.1)]
    [InlineData(BurgersReconstruction.Constant, 0.95, 1.1)]
    public void The_1D_error_falls_at_the_schemes_order_over_three_resolutions(BurgersReconstruction reconstruction, double low, double high)
    {
        var errors = new[] { 64, 128, 256 }.Select(n => Error1D(n, reconstruction, 0.02, 0.9, 1.0)).ToArray();

        Assert.All(Convergence.Orders(errors), p => Assert.InRange(p, low, high));
    }

    [Fact]
    public void The_classic_solution_is_matched_to_a_few_parts_in_ten_thousand()
    {
        // 2νπe^{−π²νt}sin πx / (2 + e^{−π²νt}cos πx), ν = 0.1, to t = 1 on 128 cells.
        Assert.True(Error1D(128, BurgersReconstruction.VanLeer, 0.1, 0.5, 1.0) < 1e-3);
    }

    private static double Error2D(int n, BurgersReconstruction reconstruction)
    {
        const double viscosity = 0.1, endTime = 0.5;
        var domain = new Burgers2D
        {
            N = n, Length = 2, Viscosity = viscosity, Reconstruction = reconstruction,
            Initial = new BurgersInitial { Kind = BurgersInitialKind.ColeHopf, Amplitude = 0.5 },
        };
        var simulation = new Burgers2DSimulation(domain);
        var (mu, mv) = simulation.MaxAbs;
        var steps = (int)Math.Ceiling(endTime * Burgers2D.Courant(1, domain.Spacing, viscosity, mu, mv) / Courant);
        for (var s = 0; s < steps; s++) simulation.Step(endTime / steps);
        return BurgersAnalytic.RelativeL2Error(domain, simulation.Time, simulation.U, simulation.V);
    }

    [Theory]
    [InlineData(BurgersReconstruction.VanLeer)]
    [InlineData(BurgersReconstruction.Unlimited)]
    public void The_2D_error_against_the_Cole_Hopf_solution_falls_at_second_order(BurgersReconstruction reconstruction)
    {
        var errors = new[] { 16, 32, 64 }.Select(n => Error2D(n, reconstruction)).ToArray();

        Assert.All(Convergence.Orders(errors), p => Assert.InRange(p, 1.85, 2.15));
        Assert.True(errors[2] < 1e-3, $"error on 64² {errors[2]:E3}");
    }
}
