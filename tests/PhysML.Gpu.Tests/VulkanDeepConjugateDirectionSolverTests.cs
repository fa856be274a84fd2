using PhysML.Gpu.ML;
using PhysML.Gpu.Solvers;
using PhysML.Solvers;
using PhysML.Solvers.Learned;
using Xunit.Abstractions;

namespace PhysML.Gpu.Tests;

/// <summary>
/// The GPU DCDM loop without libtorch (weights built here), validation layer on: a network that passes the residual
/// through makes DCDM a CG and converges to the tolerance in the true residual; a diverged network (NaN weights)
/// breaks the first iteration, and the solve is finished by Vulkan MGPCG and counted; b = 0 gives x = 0.
/// Parity with the TorchSharp network is in PhysML.ML.Tests (VulkanDeepConjugateDirectionTests).
/// </summary>
[Collection(GpuCollection.Name)]
public sealed class VulkanDeepConjugateDirectionSolverTests(ITestOutputHelper output) : IDisposable
{
    private readonly VulkanContext _context = new(VulkanDeviceOptions.Validated);

    public void Dispose()
    {
        _context.Dispose();
        Assert.Empty(_context.ValidationMessages);
    }

    [Theory]
    [InlineData(2, 33)]
    [InlineData(3, 10)]
    public void A_pass_through_network_converges_in_the_true_residual(int dimensions, int n)
    {
        using var network = new VulkanDirectionNetwork(_context, Weights(dimensions, passThrough: true, poison: false));
        var a = RandomObstacleSystems.Create(dimensions, n, seed: 21);
        var b = RandomObstacleSystems.RightHandSide(a, 2);
        var options = new SolverOptions { RelativeTolerance = 1e-5, MaxIterations = 1000 };
        using var solver = new VulkanDeepConjugateDirectionSolver(_context, network, options);
        var x = new double[a.Size];
        var info = solver.Solve(a, b, x);
        // CG on the same system in double: q = r makes DCDM CG, so the counts agree up to float rounding.
        var cg = new ConjugateGradient(options).Solve(a, b, new double[a.Size]);
        var residual = TrueResidual(a, b, x);
        output.WriteLine($"{dimensions}D {a.Shape}: GPU DCDM {info.Iterations} it, CPU CG {cg.Iterations} it, true residual {residual:E2}");
        Assert.True(info.Converged);
        Assert.Equal(0, solver.Fallbacks);
        Assert.InRange(info.Iterations, cg.Iterations * 8 / 10, cg.Iterations * 12 / 10 + 2);
        // The residual is recomputed as b − Ax every iteration, so the stop is on the true residual (float: ±20%).
        Assert.InRange(residual, 0, 1.2e-5);
    }

    [Fact]
    public void A_network_with_non_finite_output_falls_back_to_Vulkan_MGPCG_and_is_counted()
    {
        using var network = new VulkanDirectionNetwork(_context, Weights(2, passThrough: true, poison: true));
        var a = RandomObstacleSystems.Create(2, 24, seed: 5);
        var b = RandomObstacleSystems.RightHandSide(a, 3);
        var options = new SolverOptions { RelativeTolerance = 1e-6, MaxIterations = 500 };
        using var solver = new VulkanDeepConjugateDirectionSolver(_context, network, options);
        var x = new double[a.Size];
        var info = solver.Solve(a, b, x);
        Assert.Equal(1, solver.Fallbacks);
        Assert.Contains("non-finite", solver.LastBreakdown);
        Assert.Equal("dcdm→mgpcg", info.Solver);
        Assert.True(info.Converged);
        Assert.All(x, v => Assert.True(double.IsFinite(v)));
        Assert.InRange(TrueResidual(a, b, x), 0, 1e-5);

        Assert.Equal(0, solver.Solve(a, new double[a.Size], x).Iterations);
        Assert.All(x, v => Assert.Equal(0, v));
    }

    // lavapipe allows 128 MiB per storage buffer: 16 channels of a 1449² grid do not fit. A device with a larger limit
    // would need a grid too big for the suite, so there the test only reports the limit.
    [Fact]
    public void A_grid_whose_activations_exceed_the_device_buffer_limit_is_PML0503_before_anything_is_allocated()
    {
        var n = (int)Math.Ceiling(Math.Sqrt(_context.MaxStorageBufferRange / (16.0 * sizeof(float)))) + 1;
        output.WriteLine($"maxStorageBufferRange {_context.MaxStorageBufferRange} B: first failing 2D grid {n}²");
        if (n > 2048) return;
        using var network = new VulkanDirectionNetwork(_context, Weights(2, passThrough: true, poison: false));
        var a = RandomObstacleSystems.Create(2, n, seed: 1);
        var e = Assert.Throws<PhysML.Core.Errors.PhysMLException>(() => network.Propose(a, new double[a.Size], new double[a.Size]));
        Assert.Equal("PML0503", e.Code);
        Assert.Contains($"{n}×{n}", e.Message);
        Assert.Contains("maxStorageBufferRange", e.Message);
    }

    private static double TrueResidual(IPoissonStencil a, double[] b, double[] x)
    {
        var ax = new double[a.Size];
        a.Apply(x, ax);
        for (var c = 0; c < ax.Length; c++) ax[c] = b[c] - ax[c];
        return VectorOps.Norm(ax) / VectorOps.Norm(b);
    }

    /// <summary>coarse16 weights: zero except, when <paramref name="passThrough"/>, the full-resolution pair that
    /// outputs relu(r) − relu(−r) = r; <paramref name="poison"/> puts a NaN in the projection's bias.</summary>
    private static DirectionNetworkWeights Weights(int dimensions, bool passThrough, bool poison)
    {
        var tensors = new Dictionary<string, (float[], long[])>();
        var taps = dimensions == 2 ? 9 : 27;
        foreach (var layer in DirectionNetworkArchitecture.Layers(DirectionNetworkArchitecture.Coarse16))
        {
            var weight = new float[layer.OutputChannels * layer.InputChannels * taps];
            int Centre(int o, int i) => (o * layer.InputChannels + i) * taps + taps / 2;
            if (passThrough && layer.Name == "_fine1") (weight[Centre(0, 0)], weight[Centre(1, 0)]) = (1, -1);
            if (passThrough && layer.Name == "_fine2") (weight[Centre(0, 0)], weight[Centre(0, 1)]) = (1, -1);
            var bias = new float[layer.OutputChannels];
            if (poison && layer.Name == "_project") bias[0] = float.NaN;
            tensors[layer.WeightName] = (weight, layer.WeightShape(dimensions));
            tensors[layer.BiasName] = (bias, [layer.OutputChannels]);
        }
        return new DirectionNetworkWeights(DirectionNetworkArchitecture.Coarse16, dimensions, tensors, "test weights");
    }
}
