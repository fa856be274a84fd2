using PhysML.Fields.Mac;

namespace PhysML.Fluids.Tests;

/// <summary>The whole fluid step against the Taylor–Green vortex, an exact Navier–Stokes solution.</summary>
public class TaylorGreenTests
{
    private const double Viscosity = 0.05; // m²/s
    private const double EndTime = 1.0;    // s: the vortex decays to exp(−2ν·t) ≈ 0.90 (k = 1)

    internal static FluidSimulation2D Vortex(int n, AdvectionScheme scheme) => new(new FluidDomain
    {
        Nx = n,
        Ny = n,
        CellSize = 2 * Math.PI / n,
        Viscosity = Viscosity,
        Advection = scheme,
        Boundary = FlowBoundary.All(new FlowSide(SideKind.Periodic)),
        Initial = new InitialFlow { Kind = InitialFlowKind.TaylorGreen, Speed = 1 },
        PressureTolerance = 1e-10,
        ViscosityTolerance = 1e-12,
        MaxCfl = 10, // the step below sets the CFL; do not substep
    }, new CellKind[n * n]);

    private static double ErrorAtEnd(int n, AdvectionScheme scheme)
    {
        var simulation = Vortex(n, scheme);
        var h = 2 * Math.PI / n;
        var steps = (int)Math.Ceiling(EndTime / (0.5 * h)); // CFL 0.5 at U = 1: dt ∝ h
        for (var s = 0; s < steps; s++) simulation.Step(EndTime / steps, Array.Empty<SmokeEmitter>());
        return TaylorGreenVortex.RelativeError(simulation.Velocity, 1, Viscosity, simulation.Time);
    }

    [Fact]
    public void MacCormack_converges_to_the_decaying_vortex_at_first_order_with_dt_proportional_to_h()
    {
        var errors = new[] { 32, 64, 128 }.Select(n => ErrorAtEnd(n, AdvectionScheme.MacCormack)).ToArray();

        // With dt ∝ h the step's order is capped by its first-order part: advecting with the old velocity and then
        // projecting (operator splitting) is O(dt); backward-Euler viscosity is O(dt) too but 40x smaller here.
        // Measured: errors 1.97e-2, 1.06e-2, 5.52e-3, orders 0.89 and 0.95, tending to 1. The bound leaves a margin
        // for the pre-asymptotic first ratio.
        var orders = new[] { Math.Log2(errors[0] / errors[1]), Math.Log2(errors[1] / errors[2]) };
        var detail = $"errors {string.Join(", ", errors.Select(e => e.ToString("E3")))}; orders {orders[0]:F2}, {orders[1]:F2}";
        Assert.True(orders[0] > 0.85 && orders[1] > 0.9 && orders[1] < 1.2, detail);
        Assert.True(errors[2] < 6e-3, detail);
    }

    [Fact]
    public void Semi_Lagrangian_is_worse_than_MacCormack_on_the_same_grid()
    {
        Assert.True(ErrorAtEnd(32, AdvectionScheme.SemiLagrangian) > 2 * ErrorAtEnd(32, AdvectionScheme.MacCormack));
    }
}
