using System.Numerics;

namespace PhysML.Vorticity;

/// <summary>
/// Samples of the periodic Gaussian random field of the Fourier Neural Operator benchmarks: mean 0, covariance
/// C = σ²(−Δ + τ²I)^(−α) on [0, L)², drawn in Fourier space as
/// ω(x) = Σ_k σ·(|κ|² + τ²)^(−α/2)·ζ_k·e^(iκ·x), κ = 2πk/L, ζ_k standard complex normal (E|ζ|² = 1), ζ_−k = conj(ζ_k),
/// and ζ_0 = 0 (zero mean).
/// <para>
/// Source: Li et al., "Fourier Neural Operator for Parametric PDEs", ICLR 2021, §5.3 (ω₀ ~ μ, μ = N(0, 7^(3/2)(−Δ + 49I)^(−2.5)));
/// code: neuraloperator/neuraloperator, data_generation/navier_stokes/random_fields.py, class <c>GaussianRF</c>:
/// <c>sigma = tau**(0.5*(2*alpha - dim))</c> (= τ^(α−1) in 2D, 7^1.5 for τ = 7, α = 2.5),
/// <c>sqrt_eig = size**2 * sqrt(2) * sigma * (4π²|k|² + tau**2)**(-alpha/2)</c>, <c>sqrt_eig[0,0] = 0</c>,
/// sample = <c>ifftn(sqrt_eig * randn(cfloat)).real</c>, called as <c>GaussianRF(2, s, alpha=2.5, tau=7)</c> in ns_2d.py.
/// Taking the real part of Σ √2σλ_k ξ_k e_k (ξ complex normal) gives Hermitian coefficients with E|·|² = σ²λ_k²,
/// which is what is drawn here directly; the distribution is FNO's, the samples are not (different generator). On the
/// unit square |κ|² = 4π²|k|², FNO's formula; the Nyquist wavenumber is −n/2 as there.
/// </para>
/// </summary>
public static class GaussianRandomField
{
    /// <summary>FNO's default σ = τ^(α − d/2) for d = 2.</summary>
    public static double DefaultSigma(double alpha, double tau) => Math.Pow(tau, alpha - 1);

    /// <summary>The standard deviation σ·(|κ|² + τ²)^(−α/2) of the coefficient of mode (kx, ky); 0 for the mean.</summary>
    public static double ModeStandardDeviation(int kx, int ky, double length, double alpha, double tau, double sigma)
    {
        if (kx == 0 && ky == 0) return 0;
        var scale = 2 * Math.PI / length;
        var kappa2 = scale * scale * ((double)kx * kx + (double)ky * ky);
        return sigma * Math.Pow(kappa2 + tau * tau, -alpha / 2);
    }

    /// <summary>
    /// Draws the coefficients W_k (ω = Σ W_k e^(iκ·x), FFT order, index j·n + i) from <c>new Random(seed)</c>, visiting
    /// modes in row-major order and setting each conjugate pair once, so a seed always gives the same field.
    /// </summary>
    public static Complex[] SampleCoefficients(int n, double length, double alpha, double tau, double sigma, int seed)
    {
        var coefficients = new Complex[n * n];
        var normal = new NormalSampler(seed);
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < n; i++)
            {
                var k = j * n + i;
                var conjugate = (n - j) % n * n + (n - i) % n;
                if (conjugate < k) continue; // set with its partner
                var sd = ModeStandardDeviation(SpectralGrid.Index(i, n), SpectralGrid.Index(j, n), length, alpha, tau, sigma);
                if (conjugate == k)
                {
                    // Self-conjugate (the mean and the Nyquist corners): a real coefficient, variance σ²λ².
                    coefficients[k] = sd * normal.Next();
                }
                else
                {
                    var zeta = new Complex(normal.Next(), normal.Next()) / Math.Sqrt(2);
                    coefficients[k] = sd * zeta;
                    coefficients[conjugate] = Complex.Conjugate(sd * zeta);
                }
            }
        }
        coefficients[0] = 0;
        return coefficients;
    }

    /// <summary>Samples the field on the n × n grid (values at x = i·L/n, y = j·L/n, index j·n + i), 1/s.</summary>
    public static double[] Sample(int n, double length, double alpha, double tau, double sigma, int seed)
    {
        var values = SampleCoefficients(n, length, alpha, tau, sigma, seed);
        new Fft2D(n).Inverse(values);
        var field = new double[n * n];
        for (var k = 0; k < field.Length; k++) field[k] = values[k].Real;
        return field;
    }

    /// <summary>Standard normals by the Box–Muller transform from System.Random(seed), a deterministic generator.</summary>
    private sealed class NormalSampler(int seed)
    {
        private readonly Random _random = new(seed);
        private double _spare;
        private bool _hasSpare;

        public double Next()
        {
            if (_hasSpare)
            {
                _hasSpare = false;
                return _spare;
            }
            var u1 = 1 - _random.NextDouble(); // (0, 1]: log(u1) is finite
            var u2 = _random.NextDouble();
            var r = Math.Sqrt(-2 * Math.Log(u1));
            _spare = r * Math.Sin(2 * Math.PI * u2);
            _hasSpare = true;
            return r * Math.Cos(2 * Math.PI * u2);
        }
    }
}
