using PhysML.Fields;
using PhysML.Pde;

namespace PhysML.Pde.Tests;

/// <summary>
/// The standing mode u = sin(kx·x)·sin(ky·y)·cos(ωt), ω = c|k|, of a clamped membrane. The scheme reproduces its own
/// discrete mode cos(ω_h·t) to rounding, and ω_h − ω is O(h²) at a fixed Courant number, so the error against the exact
/// solution falls at second order.
/// </summary>
public class WaveStandingModeTests
{
    private const double Courant = 0.5;

    public static WaveMembrane Mode(int n, double damping = 0) => new()
    {
        Nx = n,
        Ny = n,
        Width = 1,
        Height = 0.5,
        WaveSpeed = 2,
        Damping = damping,
        Initial = new WaveInitial { Kind = WaveInitialKind.SineMode, ModeX = 1, ModeY = 1 },
        Boundary = BoxBoundary.All(EdgeCondition.Dirichlet(0)),
    };

    private static (WaveMembraneSimulation Simulation, double Dt) Run(WaveMembrane membrane, double endTime)
    {
        var dt0 = Courant / membrane.Courant(1);
        var steps = (int)Math.Ceiling(endTime / dt0);
        var dt = endTime / steps;
        var simulation = new WaveMembraneSimulation(membrane);
        for (var s = 0; s < steps; s++) simulation.Step(dt);
        return (simulation, dt);
    }

    [Fact]
    public void The_scheme_follows_its_discrete_dispersion_relation_to_rounding()
    {
        var membrane = Mode(32);
        var (simulation, dt) = Run(membrane, 0.7);
        var omegaH = WaveAnalytic.DiscreteAngularFrequency(membrane, dt);
        var grid = membrane.Grid;
        for (var j = 0; j < grid.Ny; j++)
        {
            for (var i = 0; i < grid.Nx; i++)
            {
                var mode = Math.Sin(Math.PI * grid.CenterX(i)) * Math.Sin(2 * Math.PI * grid.CenterY(j));
                Assert.Equal(mode * Math.Cos(omegaH * simulation.Time), simulation.Displacement[grid.Index(i, j)], 10);
            }
        }
    }

    [Fact]
    public void The_discrete_frequency_error_is_second_order_and_matches_its_leading_term()
    {
        var relative = new List<double>();
        foreach (var n in new[] { 16, 32, 64 })
        {
            var membrane = Mode(n);
            var dt = Courant / membrane.Courant(1);
            var omega = WaveAnalytic.AngularFrequency(membrane);
            relative.Add(WaveAnalytic.DiscreteAngularFrequency(membrane, dt) / omega - 1);
            // ω_h/ω − 1 ≈ (ω²dt² − (kx⁴dx² + ky⁴dy²)/|k|²)/24
            var (kx, ky, h) = (Math.PI, 2 * Math.PI, 1.0 / n);
            var predicted = (omega * omega * dt * dt - (Math.Pow(kx, 4) * h * h + Math.Pow(ky, 4) * h * h / 4) / (kx * kx + ky * ky)) / 24;
            Assert.Equal(predicted, relative[^1], Math.Abs(predicted) * 0.05);
        }
        var orders = Convergence.Orders(relative.Select(Math.Abs).ToArray());
        Assert.All(orders, p => Assert.InRange(p, 1.95, 2.05));
    }

    [Fact]
    public void The_error_against_the_exact_standing_wave_falls_at_second_order_over_three_resolutions()
    {
        // One and a quarter periods (2π/ω ≈ 0.45 s), where cos ωt crosses zero and the error is the phase error itself
        // (at an extremum of cos ωt the phase error δ shows only as δ², which would fall at fourth order).
        var endTime = 2.5 * Math.PI / WaveAnalytic.AngularFrequency(Mode(16));
        var errors = new[] { 16, 32, 64 }.Select(n =>
        {
            var membrane = Mode(n);
            var (simulation, _) = Run(membrane, endTime);
            return WaveAnalytic.RelativeL2Error(membrane, simulation.Time, simulation.Displacement);
        }).ToArray();

        var orders = Convergence.Orders(errors);
        Assert.InRange(orders[0], 1.9, 2.1);
        Assert.InRange(orders[1], 1.95, 2.05);
        Assert.True(errors[2] < 5e-3, $"error on 64² {errors[2]:E3}");
    }

    [Fact]
    public void A_damped_mode_follows_the_damped_solution_at_second_order()
    {
        var endTime = 0.6;
        var errors = new[] { 16, 32, 64 }.Select(n =>
        {
            var membrane = Mode(n, damping: 3);
            var (simulation, _) = Run(membrane, endTime);
            return WaveAnalytic.RelativeL2Error(membrane, simulation.Time, simulation.Displacement);
        }).ToArray();

        Assert.All(Convergence.Orders(errors), p => Assert.InRange(p, 1.8, 2.2));
    }
}
