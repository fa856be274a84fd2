using PhysML.DiffusionSorption;

namespace PhysML.DiffusionSorption.Tests;

/// <summary>
/// Summing the discrete step over the cells telescopes the Laplacian into the two boundary fluxes, so a converged
/// backward-Euler step satisfies Σ R(uᵢⁿ⁺¹)·(uᵢⁿ⁺¹ − uᵢⁿ)·dx = dt·(influx at x = 0 + influx at x = 1) exactly in exact
/// arithmetic; in floating point it holds to the Newton tolerance (1e-12 here) times the Jacobian's size, far below
/// the 1e-9 relative tolerance used.
/// </summary>
public class MassBalanceTests
{
    private static DiffusionSorptionRod Rod(BoundaryStencil stencil, double k = 3.5e-4) => new()
    {
        Nx = 256, FreundlichK = k, Boundary = stencil, NonlinearTolerance = 1e-12,
        Initial = new InitialConcentration { Kind = InitialKind.RandomUniform, Low = 0, High = 0.2 },
    };

    [Theory]
    [InlineData(BoundaryStencil.PdeBench)]
    [InlineData(BoundaryStencil.SecondOrder)]
    public void Retarded_mass_change_of_each_step_equals_the_boundary_fluxes(BoundaryStencil stencil)
    {
        var rod = Rod(stencil);
        var simulation = new DiffusionSorptionSimulation(rod, seed: 3);
        const double dt = 5;
        for (var s = 0; s < 20; s++)
        {
            var before = (double[])simulation.U.Clone();
            simulation.Step(dt);
            double change = 0;
            for (var i = 0; i < before.Length; i++)
                change += rod.Retardation(simulation.U[i]) * (simulation.U[i] - before[i]) * simulation.Dx;
            var fluxes = dt * (simulation.LeftInflux + simulation.RightInflux);
            Assert.True(simulation.LeftInflux > 0 && simulation.RightInflux <= 0, "solute enters at x = 0, leaves at x = 1");
            Assert.True(Math.Abs(change - fluxes) <= 1e-9 * Math.Abs(fluxes), $"step {s}: Σ R·Δu·dx = {change:E12}, dt·flux = {fluxes:E12}");
        }
    }

    [Fact]
    public void Without_sorption_the_total_mass_changes_by_exactly_the_boundary_fluxes()
    {
        var simulation = new DiffusionSorptionSimulation(Rod(BoundaryStencil.PdeBench, k: 0), seed: 3);
        for (var s = 0; s < 20; s++)
        {
            var before = simulation.TotalMass;
            simulation.Step(5);
            var fluxes = 5 * (simulation.LeftInflux + simulation.RightInflux);
            Assert.Equal(fluxes, simulation.TotalMass - before, 12); // sums of O(1) numbers: 1e-12 absolute
        }
    }

    [Fact]
    public void Concentrations_stay_between_zero_and_the_inlet_value()
    {
        // Maximum principle: backward Euler's M-matrix keeps 0 ≤ u ≤ max(u₀, 1), even from white-noise data.
        var simulation = new DiffusionSorptionSimulation(Rod(BoundaryStencil.PdeBench), seed: 11);
        for (var s = 0; s < 100; s++)
        {
            simulation.Step(5);
            Assert.All(simulation.U, u => Assert.InRange(u, 0, 1));
        }
    }
}
