using PhysML.Fields;
using PhysML.Heat;

namespace PhysML.Heat.Tests;

public class HeatBoundaryTests
{
    [Fact]
    public void Dirichlet_left_and_right_with_insulated_top_and_bottom_reach_the_linear_steady_state()
    {
        // Steady state of T(0) = 1, T(W) = 0, ∂T/∂n = 0 on y walls is T = 1 − x/W; the ghost-cell conditions are
        // exact for linear fields, so the discrete steady state equals it to solver precision.
        var plate = new HeatPlate
        {
            Nx = 20, Ny = 10, Width = 2, Height = 1, Diffusivity = 1, Scheme = HeatScheme.Implicit,
            Boundary = new BoxBoundary(EdgeCondition.Dirichlet(1), EdgeCondition.Dirichlet(0),
                EdgeCondition.Neumann(0), EdgeCondition.Neumann(0)),
            SolverTolerance = 1e-13,
        };
        var simulation = new HeatPlateSimulation(plate);

        for (var s = 0; s < 20; s++) simulation.Step(1e4);

        var grid = simulation.Grid;
        for (var j = 0; j < grid.Ny; j++)
            for (var i = 0; i < grid.Nx; i++)
                Assert.Equal(1 - grid.CenterX(i) / grid.Width, simulation.Temperature[grid.Index(i, j)], 8);
    }

    [Fact]
    public void A_Neumann_flux_raises_the_mean_temperature_by_flux_times_perimeter_over_area()
    {
        // ∂T/∂n = g on every wall of an insulating-free plate: d(mean T)/dt = α·g·perimeter/area (divergence theorem).
        const double g = 2.0, alpha = 0.5, dt = 0.01;
        var plate = new HeatPlate
        {
            Nx = 16, Ny = 8, Width = 1, Height = 0.5, Diffusivity = alpha, Scheme = HeatScheme.Implicit,
            Boundary = BoxBoundary.All(EdgeCondition.Neumann(g)), SolverTolerance = 1e-13,
        };
        var simulation = new HeatPlateSimulation(plate);

        for (var s = 0; s < 10; s++) simulation.Step(dt);

        var expected = alpha * g * (2 * (1 + 0.5)) / (1 * 0.5) * 10 * dt;
        Assert.Equal(expected, simulation.Temperature.Average(), 9);
    }

    [Theory]
    [InlineData(HeatScheme.Explicit)]
    [InlineData(HeatScheme.Implicit)]
    public void An_insulated_plate_gains_exactly_the_heat_its_sources_put_in(HeatScheme scheme)
    {
        var plate = new HeatPlate { Nx = 32, Ny = 32, Diffusivity = 1e-3, Scheme = scheme, SolverTolerance = 1e-13 };
        var simulation = new HeatPlateSimulation(plate);
        simulation.RasteriseSources(new[] { new HeatSource { X = 0.3, Y = 0.6, Radius = 0.1, Rate = 5 } });
        var heated = simulation.Source.Count(s => s > 0);
        Assert.InRange(heated, 28, 36); // π·0.1²/(1/32)² ≈ 32 cells

        for (var s = 0; s < 25; s++) simulation.Step(0.1);

        Assert.Equal(heated * 5 * 2.5, simulation.Temperature.Sum(), 6);
    }
}
