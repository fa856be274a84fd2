using PhysML.Fields;
using PhysML.Heat;

namespace PhysML.Heat.Tests;

/// <summary>
/// The sine mode sin(πx)·sin(πy) on the unit plate with T = 0 walls decays as exp(−2π²αt). With dt ∝ h², both the
/// spatial O(h²) and the temporal O(dt) errors scale as h², so halving h must divide the error by about 4.
/// </summary>
public class HeatAnalyticConvergenceTests
{
    private const double EndTime = 0.05; // s, with α = 1 m²/s the mode decays to exp(−π²/10) ≈ 0.37

    public static HeatPlate SineModePlate(int n, HeatScheme scheme) => new()
    {
        Nx = n,
        Ny = n,
        Diffusivity = 1,
        Scheme = scheme,
        Initial = new InitialTemperature { Kind = InitialKind.SineMode, Amplitude = 1 },
        Boundary = BoxBoundary.All(EdgeCondition.Dirichlet(0)),
        SolverTolerance = 1e-12,
    };

    private static double ErrorAtEnd(int n, HeatScheme scheme, double dtOverH2)
    {
        var plate = SineModePlate(n, scheme);
        var simulation = new HeatPlateSimulation(plate);
        var h = 1.0 / n;
        var steps = (int)Math.Ceiling(EndTime / (dtOverH2 * h * h));
        var dt = EndTime / steps;
        for (var s = 0; s < steps; s++) simulation.Step(dt);
        Assert.Equal(EndTime, simulation.Time, 12);
        return HeatAnalytic.RelativeL2Error(plate, simulation.Time, simulation.Temperature);
    }

    // Explicit: dt = 0.2·h² (stable limit 0.25·h²). Implicit: dt = h². (For explicit, dt = h²/12 would cancel the
    // leading spatial and temporal errors and hide the order, so we stay away from it.)
    //
    // The leading error is predictable: the discrete decay rate differs from 2π² by h²π⁴(2c − 1/6) for forward Euler
    // and by −h²π⁴(2c + 1/6) for backward Euler (c = dt/h²; the 1/6 is the 5-point stencil's, the 2c the time
    // scheme's), so the relative error at time t is about |that difference|·t. The finest grid must match it to 10%.
    [Theory]
    [InlineData(HeatScheme.Explicit, 0.2)]
    [InlineData(HeatScheme.Implicit, 1.0)]
    public void Error_against_the_analytic_decay_falls_at_second_order_over_three_resolutions(HeatScheme scheme, double dtOverH2)
    {
        var errors = new[] { 16, 32, 64 }.Select(n => ErrorAtEnd(n, scheme, dtOverH2)).ToArray();

        var order1 = Math.Log2(errors[0] / errors[1]);
        var order2 = Math.Log2(errors[1] / errors[2]);
        Assert.InRange(order1, 1.8, 2.2);
        Assert.InRange(order2, 1.9, 2.1);
        var h2 = 1.0 / (64 * 64);
        var rateError = scheme == HeatScheme.Explicit ? 2 * dtOverH2 - 1.0 / 6 : 2 * dtOverH2 + 1.0 / 6;
        var predicted = h2 * Math.Pow(Math.PI, 4) * rateError * EndTime;
        Assert.InRange(errors[2], 0.9 * predicted, 1.1 * predicted);
    }
}
