using PhysML.ML;
using TorchSharp;

namespace PhysML.Platform.Tests;

/// <summary>
/// TorchSharp loads and computes on this platform. On Debian 12 this is what proves the native fix-up
/// (build/TorchSharpNativeFixup.targets): without it, the first call fails with "GLIBCXX_3.4.32 not found".
/// Every expected value below is known in closed form, so the tests are exact or nearly so, and deterministic.
/// </summary>
public sealed class TorchSharpSmokeTests
{
    [Fact]
    public void Initialize_ReportsRuntime()
    {
        TorchRuntimeInfo info = TorchRuntime.Initialize(new TorchRuntimeSettings(Seed: 42, Threads: 2));

        Assert.StartsWith("2.", info.LibTorchVersion);
        Assert.False(string.IsNullOrEmpty(info.TorchSharpVersion));
        Assert.Equal(2, info.Threads);
        Assert.Equal(42, info.Seed);
        Assert.Contains(info.Device, new[] { "cpu", "cuda:0" });
    }

    [Fact]
    public void Matmul_OfKnownMatrices_IsExact()
    {
        TorchRuntime.Initialize();
        using var scope = torch.NewDisposeScope();
        var a = torch.tensor(new double[] { 1, 2, 3, 4, 5, 6 }, new long[] { 2, 3 });
        var b = torch.tensor(new double[] { 7, 8, 9, 10, 11, 12 }, new long[] { 3, 2 });

        var c = a.matmul(b);

        Assert.Equal(new long[] { 2, 2 }, c.shape);
        // Small integers: every product and sum is exact in float64.
        Assert.Equal(new double[] { 58, 64, 139, 154 }, c.data<double>().ToArray());
    }

    [Fact]
    public void Conv2d_WithFivePointLaplacian_GivesFourForParaboloid()
    {
        TorchRuntime.Initialize();
        using var scope = torch.NewDisposeScope();
        // f(x, y) = x² + y² on a unit grid: ∇²f = 4, and the 5-point stencil is exact for quadratics.
        const int n = 6;
        var values = new double[n * n];
        for (int y = 0; y < n; y++)
        {
            for (int x = 0; x < n; x++)
            {
                values[y * n + x] = x * x + y * y;
            }
        }
        var field = torch.tensor(values, new long[] { 1, 1, n, n });
        var stencil = torch.tensor(new double[] { 0, 1, 0, 1, -4, 1, 0, 1, 0 }, new long[] { 1, 1, 3, 3 });

        var laplacian = torch.nn.functional.conv2d(field, stencil);

        // No padding: only interior cells, (n-2)² of them.
        Assert.Equal(new long[] { 1, 1, n - 2, n - 2 }, laplacian.shape);
        Assert.All(laplacian.data<double>().ToArray(), v => Assert.Equal(4.0, v));
    }

    [Fact]
    public void Fft_OfCosine_PeaksAtItsFrequency_AndRoundTrips()
    {
        TorchRuntime.Initialize();
        using var scope = torch.NewDisposeScope();
        const int n = 16;
        const int k = 3;
        var samples = new double[n];
        for (int i = 0; i < n; i++)
        {
            samples[i] = Math.Cos(2 * Math.PI * k * i / n);
        }
        var signal = torch.tensor(samples);

        var spectrum = torch.fft.rfft(signal);
        var magnitude = spectrum.abs().data<double>().ToArray();
        var restored = torch.fft.irfft(spectrum, n).data<double>().ToArray();

        // DFT of cos(2πki/n): n/2 at bin k, zero elsewhere (unnormalised forward transform).
        Assert.Equal(n / 2 + 1, magnitude.Length);
        for (int bin = 0; bin < magnitude.Length; bin++)
        {
            Assert.Equal(bin == k ? n / 2.0 : 0.0, magnitude[bin], 1e-12);
        }
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(samples[i], restored[i], 1e-12);
        }
    }

    [Fact]
    public void ManualSeed_MakesRandomNumbersRepeatable()
    {
        TorchRuntime.Initialize(new TorchRuntimeSettings(Seed: 7));
        double[] first;
        using (torch.NewDisposeScope())
        {
            first = torch.rand(8, dtype: torch.float64).data<double>().ToArray();
        }

        TorchRuntime.Initialize(new TorchRuntimeSettings(Seed: 7));
        double[] second;
        using (torch.NewDisposeScope())
        {
            second = torch.rand(8, dtype: torch.float64).data<double>().ToArray();
        }

        Assert.Equal(first, second);
        Assert.All(first, v => Assert.InRange(v, 0.0, 1.0));
    }
}
