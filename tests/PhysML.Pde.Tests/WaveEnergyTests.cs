using PhysML.Fields;
using PhysML.Pde;

namespace PhysML.Pde.Tests;

public class WaveEnergyTests
{
    private static WaveMembrane Pulse(double damping, BoxBoundary boundary) => new()
    {
        Nx = 48,
        Ny = 32,
        Width = 1.5,
        Height = 1,
        WaveSpeed = 1,
        Damping = damping,
        Initial = new WaveInitial { Kind = WaveInitialKind.GaussianPulse, X = 0.5, Y = 0.4, Radius = 0.08 },
        Boundary = boundary,
    };

    public static TheoryData<string> Boundaries() => new() { "clamped", "free", "mixed-nonzero" };

    private static BoxBoundary Boundary(string name) => name switch
    {
        "clamped" => BoxBoundary.All(EdgeCondition.Dirichlet(0)),
        "free" => BoxBoundary.All(EdgeCondition.Neumann(0)),
        // Non-zero wall values: the boundary term enters the potential energy.
        _ => new BoxBoundary(EdgeCondition.Dirichlet(0.2), EdgeCondition.Neumann(0),
            EdgeCondition.Dirichlet(-0.1), EdgeCondition.Neumann(0.3)),
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void Without_damping_the_discrete_energy_does_not_drift(string boundary)
    {
        var membrane = Pulse(0, Boundary(boundary));
        var simulation = new WaveMembraneSimulation(membrane);
        var dt = 0.9 / membrane.Courant(1);
        simulation.Step(dt);
        var first = simulation.Energy;
        double worst = 0;
        for (var s = 0; s < 3000; s++)
        {
            simulation.Step(dt);
            worst = Math.Max(worst, Math.Abs(simulation.Energy - first));
        }
        Assert.True(first > 0);
        Assert.True(worst <= 1e-11 * Math.Abs(first), $"largest drift {worst / Math.Abs(first):E3} of E = {first:E6}");
    }

    [Fact]
    public void With_damping_the_energy_falls_every_step()
    {
        var simulation = new WaveMembraneSimulation(Pulse(0.5, BoxBoundary.All(EdgeCondition.Dirichlet(0))));
        var dt = 0.01;
        simulation.Step(dt);
        var previous = simulation.Energy;
        for (var s = 0; s < 500; s++)
        {
            simulation.Step(dt);
            Assert.True(simulation.Energy < previous);
            previous = simulation.Energy;
        }
    }

    [Fact]
    public void The_energy_of_a_sine_mode_tends_to_the_continuum_value()
    {
        // ½∫u_t² + c²|∇u|² dA = ½c²|k|²·W·H/4 for u = sin(kx x)·sin(ky y)·cos ωt.
        var membrane = WaveStandingModeTests.Mode(64);
        var simulation = new WaveMembraneSimulation(membrane);
        simulation.Step(1e-3);
        var k2 = Math.PI * Math.PI + 4 * Math.PI * Math.PI;
        var exact = 0.5 * 4 * k2 * 0.5 / 4;
        Assert.Equal(exact, simulation.Energy, exact * 2e-3);
    }
}
