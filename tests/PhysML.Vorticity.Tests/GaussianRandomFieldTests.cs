namespace PhysML.Vorticity.Tests;

/// <summary>The FNO Gaussian random field: zero mean, the requested spectrum, and determinism per seed.</summary>
public class GaussianRandomFieldTests
{
    private static double[] Field(int seed, int n = 64, double alpha = 2.5, double tau = 7) =>
        GaussianRandomField.Sample(n, 1, alpha, tau, GaussianRandomField.DefaultSigma(alpha, tau), seed);

    [Fact]
    public void The_field_has_zero_mean()
    {
        var field = Field(seed: 1);
        var std = Math.Sqrt(field.Select(x => x * x).Average());
        Assert.True(std > 0.05, $"std {std}"); // FNO's α = 2.5, τ = 7 field has std ≈ 0.15 1/s
        Assert.True(Math.Abs(field.Average()) < 1e-14 * std, $"mean {field.Average():E3}"); // the k = 0 coefficient is 0
    }

    [Fact]
    public void The_same_seed_gives_the_same_field_and_another_seed_a_different_one()
    {
        Assert.Equal(Field(seed: 42), Field(seed: 42));
        var a = Field(seed: 42);
        var b = Field(seed: 43);
        Assert.True(VorticityFixtures.RelativeL2(a, b) > 0.5, "two seeds gave nearly the same field");
    }

    [Fact]
    public void FNO_sigma_is_tau_to_the_alpha_minus_one()
    {
        // random_fields.py: sigma = tau**(0.5*(2*alpha - dim)) = 7^1.5 for α = 2.5, τ = 7, dim = 2.
        Assert.Equal(Math.Pow(7, 1.5), GaussianRandomField.DefaultSigma(2.5, 7), 12);
    }

    [Theory]
    [InlineData(2.5)]
    [InlineData(1.5)]
    public void The_shell_power_follows_the_alpha_law(double alpha)
    {
        // E|W_k|² = σ²(|κ|² + τ²)^(−α). Over shells K − ½ ≤ |k| < K + ½, K = 4..40, of 4 samples at n = 128, compare
        // the mean power with its expectation: each shell holds ≳ 50 independent |ζ|² ~ Exp(1), so the ratio has a
        // standard deviation ≲ 0.14 and [0.6, 1.6] is a ≥ 3σ band; the log-log slope of the shell power against
        // (4π²K² + τ²) must be −α to within 0.1, and the mean ratio over all modes 1 to within 5% (≥ 6σ).
        const int n = 128;
        const double tau = 7;
        var sigma = GaussianRandomField.DefaultSigma(alpha, tau);
        var power = new double[41];
        var expected = new double[41];
        var count = new int[41];
        double ratioSum = 0;
        var ratioCount = 0;
        for (var seed = 1; seed <= 4; seed++)
        {
            var w = GaussianRandomField.SampleCoefficients(n, 1, alpha, tau, sigma, seed);
            for (var j = 0; j < n; j++)
            {
                for (var i = 0; i < n; i++)
                {
                    int kx = SpectralGrid.Index(i, n), ky = SpectralGrid.Index(j, n);
                    if (kx == 0 && ky == 0) continue;
                    var sd = GaussianRandomField.ModeStandardDeviation(kx, ky, 1, alpha, tau, sigma);
                    var p = w[j * n + i].Magnitude * w[j * n + i].Magnitude;
                    ratioSum += p / (sd * sd);
                    ratioCount++;
                    var shell = (int)Math.Round(Math.Sqrt(kx * kx + ky * ky));
                    if (shell > 40) continue;
                    power[shell] += p;
                    expected[shell] += sd * sd;
                    count[shell]++;
                }
            }
        }

        Assert.InRange(ratioSum / ratioCount, 0.95, 1.05);
        var xs = new List<double>();
        var ys = new List<double>();
        for (var shell = 4; shell <= 40; shell++)
        {
            Assert.InRange(power[shell] / expected[shell], 0.6, 1.6);
            xs.Add(Math.Log(4 * Math.PI * Math.PI * shell * shell + tau * tau));
            ys.Add(Math.Log(power[shell] / count[shell]));
        }
        var slope = Slope(xs, ys);
        Assert.InRange(slope, -alpha - 0.1, -alpha + 0.1);
    }

    private static double Slope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0;
        for (var k = 0; k < x.Count; k++)
        {
            sxy += (x[k] - mx) * (y[k] - my);
            sxx += (x[k] - mx) * (x[k] - mx);
        }
        return sxy / sxx;
    }
}
