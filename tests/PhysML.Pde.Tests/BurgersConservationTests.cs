using PhysML.Pde;

namespace PhysML.Pde.Tests;

public class BurgersConservationTests
{
    [Fact]
    public void A_1D_shock_conserves_momentum_to_rounding_and_loses_energy()
    {
        // u = 0.7 + sin(πx) (a moving shock), nearly inviscid: momentum ∫u dx = 1.4 exactly; energy only falls.
        var domain = new Burgers1D
        {
            Nx = 200, Viscosity = 1e-4, Initial = new BurgersInitial { Kind = BurgersInitialKind.Sine, Amplitude = 1 },
        };
        var simulation = new Burgers1DSimulation(domain);
        for (var i = 0; i < simulation.U.Length; i++) simulation.U[i] += 0.7;
        var momentum = simulation.Momentum;
        var energy = simulation.Energy;
        var maxAbs = simulation.MaxAbs;
        for (var s = 0; s < 600; s++)
        {
            Assert.True(simulation.Step(2e-3) <= 1);
            Assert.True(simulation.Energy <= energy + 1e-15);
            energy = simulation.Energy;
        }
        Assert.Equal(momentum, simulation.Momentum, 12);
        Assert.True(simulation.MaxAbs <= maxAbs + 1e-12, "the TVD scheme keeps the maximum principle");
        Assert.True(simulation.Energy < 0.7 * (0.5 * (0.7 * 0.7 * 2 + 1)), "the shock dissipated energy");
    }

    [Fact]
    public void The_1D_problem_embedded_in_2D_is_advanced_exactly_as_in_1D_with_v_staying_zero()
    {
        var initial = new BurgersInitial { Kind = BurgersInitialKind.ColeHopfX, Amplitude = 0.9 };
        var two = new Burgers2DSimulation(new Burgers2D { N = 32, Length = 2, Viscosity = 0.02, Initial = initial });
        var one = new Burgers1DSimulation(new Burgers1D
        {
            Nx = 32, Length = 2, Viscosity = 0.02, Initial = initial with { Kind = BurgersInitialKind.ColeHopf },
        });
        var momentum = two.Momentum;
        for (var s = 0; s < 200; s++)
        {
            two.Step(5e-3);
            one.Step(5e-3);
        }
        for (var j = 0; j < 32; j++)
        {
            for (var i = 0; i < 32; i++)
            {
                Assert.Equal(one.U[i], two.U[j * 32 + i], 14);
                Assert.Equal(0.0, two.V[j * 32 + i]);
            }
        }
        Assert.Equal(momentum.X, two.Momentum.X, 12);
        Assert.Equal(0.0, two.Momentum.Y);
    }

    [Fact]
    public void A_2D_potential_flow_keeps_its_symmetry_and_zero_mean()
    {
        // u = sin πx·cos πy, v = cos πx·sin πy is odd about x = 1 in u and about y = 1 in v, so ∫u = ∫v = 0 for all t.
        var simulation = new Burgers2DSimulation(new Burgers2D
        {
            N = 32, Viscosity = 0.01, Initial = new BurgersInitial { Kind = BurgersInitialKind.Sine, Amplitude = 1 },
        });
        var energy = simulation.Energy;
        for (var s = 0; s < 100; s++) simulation.Step(4e-3);
        var (mx, my) = simulation.Momentum;
        Assert.Equal(0.0, mx, 12);
        Assert.Equal(0.0, my, 12);
        Assert.True(simulation.Energy < energy);
    }
}
