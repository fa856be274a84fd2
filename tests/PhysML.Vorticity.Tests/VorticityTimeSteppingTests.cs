namespace PhysML.Vorticity.Tests;

/// <summary>Invariants and order of the IF-RK2 time step with the 2/3 rule.</summary>
public class VorticityTimeSteppingTests
{
    [Fact]
    public void Without_viscosity_and_forcing_energy_and_enstrophy_drift_only_by_the_time_error()
    {
        // With the state inside the 2/3-rule band the dealiased nonlinear term is the exact Galerkin projection, which
        // conserves ½⟨|u|²⟩ and ½⟨ω²⟩ exactly; what is left is Heun's amplification error 1 + y⁴/8 per substep
        // (|y| = h·|κ·u|), so the drift over a fixed time is O(h³). Measured at CFL 0.25 over 200 substeps:
        // dE/E = +6.6e-7, dZ/Z = +2.9e-5; bounds 3× those, and halving h must cut the drift by ≥ 6 (8 expected).
        double Drift(int substeps, out double enstrophyDrift)
        {
            var simulation = VorticityFixtures.BandLimited(64, viscosity: 0, seed: 3);
            var (e0, z0) = (simulation.Energy, simulation.Enstrophy);
            var span = 200 * 0.25 / simulation.CourantRate; // ≈ 16 s, about 16 eddy turnovers of this field
            simulation.Step(span, substeps);
            enstrophyDrift = Math.Abs(simulation.Enstrophy - z0) / z0;
            return Math.Abs(simulation.Energy - e0) / e0;
        }

        var energy = Drift(200, out var enstrophy);
        var energyHalf = Drift(400, out var enstrophyHalf);

        Assert.True(energy < 2e-6, $"energy drift {energy:E3}");
        Assert.True(enstrophy < 1e-4, $"enstrophy drift {enstrophy:E3}");
        Assert.True(energy / energyHalf > 6, $"energy drift ratio {energy / energyHalf:F2} on halving h");
        Assert.True(enstrophy / enstrophyHalf > 6, $"enstrophy drift ratio {enstrophy / enstrophyHalf:F2} on halving h");
    }

    [Fact]
    public void The_time_step_converges_at_second_order()
    {
        // A nonlinear, viscous (ν = 1e-3) flow over ≈ 40 CFL-0.25 substeps' worth of time, against a 640-substep
        // reference. Measured error ratios on halving h: 3.98, 4.00, 4.04 (order 2 = ratio 4).
        var reference = Run(640, out var span);
        var errors = new[] { 10, 20, 40, 80 }.Select(steps => VorticityFixtures.RelativeL2(Run(steps, out _).Vorticity, reference.Vorticity)).ToArray();

        for (var k = 1; k < errors.Length; k++)
        {
            var order = Math.Log2(errors[k - 1] / errors[k]);
            Assert.InRange(order, 1.9, 2.1);
        }
        Assert.True(errors[^1] < 1e-5, $"error with 80 substeps {errors[^1]:E3} over {span:G3} s");

        static VorticitySimulation Run(int substeps, out double span)
        {
            var simulation = VorticityFixtures.BandLimited(64, viscosity: 1e-3, seed: 5);
            span = 40 * 0.25 / simulation.CourantRate;
            simulation.Step(span, substeps);
            return simulation;
        }
    }

    [Fact]
    public void The_forced_flow_relaxes_to_the_steady_state_f_over_nu_k2()
    {
        // FNO's forcing is a Laplacian eigenfunction (|κ|² = 8π²), so ω_s = f/(ν·8π²) is a steady solution whose
        // nonlinear term vanishes; from ω = 0 the exact path is ω_s(1 − e^(−ν·8π²·t)). Forcing sits in the explicit part,
        // so this measures the second-order forcing error: with h = 0.05 and ν·8π² = 0.79/s the local error is
        // ~h³(νκ²)²|f|/12 per step, a relative ~1e-4 after 40 steps; bound 1e-3.
        var domain = new VorticityDomain
        {
            N = 16, Viscosity = 0.01, Forcing = VorticityForcing.Fno,
            Initial = new InitialVorticity { Kind = InitialVorticityKind.GaussianRandomField, Amplitude = 0 },
        };
        var simulation = new VorticitySimulation(domain, seed: 0);
        for (var step = 0; step < 40; step++) simulation.Step(0.05, 1);

        var k2 = 8 * Math.PI * Math.PI;
        var factor = (1 - Math.Exp(-domain.Viscosity * k2 * simulation.Time)) / (domain.Viscosity * k2);
        var exact = new double[16 * 16];
        for (var j = 0; j < 16; j++)
            for (var i = 0; i < 16; i++)
            {
                var s = 2 * Math.PI * (i + j) / 16.0;
                exact[j * 16 + i] = factor * 0.1 * (Math.Sin(s) + Math.Cos(s));
            }
        var error = VorticityFixtures.RelativeL2(simulation.Vorticity, exact);
        Assert.True(error < 1e-3, $"relative error {error:E3}");
    }
}
