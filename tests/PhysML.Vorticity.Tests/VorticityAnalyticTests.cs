using System.Numerics;

namespace PhysML.Vorticity.Tests;

/// <summary>Exact solutions: eigenmode decay, and the spectral Poisson solve and velocity.</summary>
public class VorticityAnalyticTests
{
    // The integrating factor e^(−νκ²h) makes the viscous decay exact, and u·∇ω vanishes analytically for a Laplacian
    // eigenfunction, so the only error left is roundoff: O(ε·log n) per FFT and the computed nonlinear term, which is
    // ~ε·|u||∇ω| instead of 0, over 2 × 20 × 3 transforms. Measured 1e-15 to 3e-15; 1e-13 leaves 30× for other
    // platforms. (A Crank–Nicolson step would instead leave a relative error of (νκ²h)³/12 per step.)
    private const double RoundoffBound = 1e-13;

    [Theory]
    [InlineData(InitialVorticityKind.TaylorGreen, 2, 3, 1.0)]
    [InlineData(InitialVorticityKind.TaylorGreen, 1, 1, 2 * Math.PI)]
    [InlineData(InitialVorticityKind.SingleMode, 3, 1, 1.0)]
    [InlineData(InitialVorticityKind.SingleMode, 0, 4, 2.0)]
    public void A_single_eigenmode_decays_as_exp_minus_nu_k2_t_to_roundoff(InitialVorticityKind kind, int mx, int my, double length)
    {
        var domain = new VorticityDomain
        {
            N = 32, Length = length,
            Initial = new InitialVorticity { Kind = kind, ModeX = mx, ModeY = my, Amplitude = 5 },
        };
        // ν chosen so the mode loses a factor e over the 2 s run: a real decay, measured against a field of O(1) size.
        domain = domain with { Viscosity = 1 / (2 * VorticityAnalytic.WavenumberSquared(domain)) };
        var simulation = new VorticitySimulation(domain, seed: 0);

        for (var step = 0; step < 20; step++) simulation.Step(0.1);

        var error = VorticityAnalytic.RelativeL2Error(domain, simulation.Time, simulation.Vorticity);
        Assert.True(error < RoundoffBound, $"relative L2 error {error:E3} after t = {simulation.Time}");
        // The decay itself is substantial, so the check is not trivially passed by a frozen field.
        var decay = Math.Exp(-domain.Viscosity * VorticityAnalytic.WavenumberSquared(domain) * simulation.Time);
        Assert.Equal(Math.Exp(-1), decay, 12);
    }

    [Fact]
    public void Poisson_inversion_and_velocity_are_spectrally_exact_for_a_trigonometric_polynomial()
    {
        // ψ = sin(κ₀x)cos(2κ₀y) + 0.5·cos(κ₀(3x + 5y)) − 0.25·sin(7κ₀y), κ₀ = 2π/L, on a non-unit square so the
        // 2π/L scaling is exercised. Every mode is below Nyquist (n/2 = 16), so the discrete transforms are exact.
        const int n = 32;
        const double length = 2.5;
        var k0 = 2 * Math.PI / length;
        var domain = new VorticityDomain { N = n, Length = length, Viscosity = 0 };
        var simulation = new VorticitySimulation(domain, seed: 0);
        var omega = new double[n * n];
        var psi = new double[n * n];
        var u = new double[n * n];
        var v = new double[n * n];
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < n; i++)
            {
                var idx = j * n + i;
                var a = k0 * i * length / n;
                var b = k0 * j * length / n;
                psi[idx] = Math.Sin(a) * Math.Cos(2 * b) + 0.5 * Math.Cos(3 * a + 5 * b) - 0.25 * Math.Sin(7 * b);
                // ω = −∇²ψ: each term times its |κ|².
                omega[idx] = k0 * k0 * (5 * Math.Sin(a) * Math.Cos(2 * b) + 34 * 0.5 * Math.Cos(3 * a + 5 * b) - 49 * 0.25 * Math.Sin(7 * b));
                u[idx] = k0 * (-2 * Math.Sin(a) * Math.Sin(2 * b) - 5 * 0.5 * Math.Sin(3 * a + 5 * b) - 7 * 0.25 * Math.Cos(7 * b)); // ∂ψ/∂y
                v[idx] = -k0 * (Math.Cos(a) * Math.Cos(2 * b) - 3 * 0.5 * Math.Sin(3 * a + 5 * b));                                  // −∂ψ/∂x
            }
        }

        simulation.SetVorticity(omega);

        // Roundoff of two FFTs of size n² relative to the field's size: ε·log₂(n²)·max|·| ≈ 1e-15; 1e-12 is generous.
        Assert.True(VorticityFixtures.MaxAbsDifference(simulation.Streamfunction, psi) < 1e-12 * VorticityFixtures.MaxAbs(psi));
        Assert.True(VorticityFixtures.MaxAbsDifference(simulation.U, u) < 1e-12 * VorticityFixtures.MaxAbs(u));
        Assert.True(VorticityFixtures.MaxAbsDifference(simulation.V, v) < 1e-12 * VorticityFixtures.MaxAbs(v));
        Assert.True(VorticityFixtures.MaxAbsDifference(simulation.Vorticity, omega) < 1e-12 * VorticityFixtures.MaxAbs(omega));
    }

    [Fact]
    public void The_velocity_of_a_random_field_is_divergence_free_and_its_curl_is_the_vorticity()
    {
        // Check the discrete identities on a generic state: ∂u/∂x + ∂v/∂y = 0 and ∂v/∂x − ∂u/∂y = ω (modes below the
        // Nyquist row/column, where the first derivative is dropped), computed with an independent spectral derivative.
        const int n = 32;
        var simulation = VorticityFixtures.BandLimited(n, viscosity: 0, seed: 11);
        var fft = new Fft2D(n);
        var spectral = simulation.Spectral;
        Complex[] Transform(double[] f)
        {
            var c = f.Select(x => new Complex(x, 0)).ToArray();
            fft.Forward(c);
            return c;
        }
        var uh = Transform(simulation.U);
        var vh = Transform(simulation.V);
        var wh = Transform(simulation.Vorticity);
        double divergence = 0, curlError = 0, scale = 0;
        for (var k = 0; k < uh.Length; k++)
        {
            var i = Complex.ImaginaryOne;
            divergence = Math.Max(divergence, (i * spectral.DerivativeX[k] * uh[k] + i * spectral.DerivativeY[k] * vh[k]).Magnitude);
            curlError = Math.Max(curlError, (i * spectral.DerivativeX[k] * vh[k] - i * spectral.DerivativeY[k] * uh[k] - wh[k]).Magnitude);
            scale = Math.Max(scale, wh[k].Magnitude);
        }
        Assert.True(divergence < 1e-12 * scale, $"max |div| coefficient {divergence:E3}");
        Assert.True(curlError < 1e-12 * scale, $"max |curl − ω| coefficient {curlError:E3}");
    }
}
