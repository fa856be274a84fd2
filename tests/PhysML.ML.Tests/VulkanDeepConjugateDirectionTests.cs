using PhysML.Gpu;
using PhysML.Gpu.ML;
using PhysML.Gpu.Solvers;
using PhysML.ML.Preconditioners;
using PhysML.Solvers;
using PhysML.Solvers.Learned;
using Xunit.Abstractions;

namespace PhysML.ML.Tests;

/// <summary>
/// DCDM on the GPU (network, orthogonalisation and line search in one replayed sequence) against the CPU loop over the
/// TorchSharp network with the same weights, validation layer on. The directions agree to ~1e-7 and the loops are the
/// same, but the GPU runs the whole iteration in float, so the iteration counts may differ by rounding (allowed: a
/// tenth); both must converge, and their solutions agree to the tolerance times the system's conditioning
/// (asserted 1e-3 relative at tolerance 1e-5).
/// An untrained network gives no descent worth the name (400 iterations without progress, measured), and training
/// takes minutes, so the networks here are their random initialisation scaled by 0.02 plus a path that passes the
/// residual through (relu(r) − relu(−r) = r): DCDM with q ≈ r is close to CG, so it converges in tens of iterations
/// while every layer still contributes.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class VulkanDeepConjugateDirectionTests(ITestOutputHelper output) : IDisposable
{
    private readonly VulkanContext _context = new(VulkanDeviceOptions.Validated);

    public void Dispose()
    {
        _context.Dispose();
        Assert.Empty(_context.ValidationMessages);
    }

    // unet16 3D is left to the parity tests: its loop here took 26 s on lavapipe (87 iterations, the same count).
    [Theory]
    [InlineData("coarse16", 2, 24)]
    [InlineData("coarse16", 3, 16)]
    [InlineData("unet16", 2, 32)]
    public void The_GPU_loop_converges_like_the_CPU_loop(string architecture, int dimensions, int n)
    {
        TorchCollection.Seeded(3);
        using var network = NearIdentity(architecture, dimensions);
        using var vulkan = new VulkanDirectionNetwork(_context, VulkanDirectionNetworkParityTests.WeightsOf(network));
        var a = RandomObstacleSystems.Create(dimensions, n, seed: 8);
        var b = RandomObstacleSystems.RightHandSide(a, 4);
        var options = new SolverOptions { RelativeTolerance = 1e-5, MaxIterations = 400 };

        var cpuX = new double[a.Size];
        using var torch = new TorchDirectionModel(network);
        var cpu = new DeepConjugateDirection(options, new DeepConjugateDirectionSettings()).Solve(torch, a, b, cpuX);

        var gpuX = new double[a.Size];
        SolveInfo gpu;
        using (var solver = new VulkanDeepConjugateDirectionSolver(_context, vulkan, options))
        {
            gpu = solver.Solve(a, b, gpuX);
            Assert.Equal(0, solver.Fallbacks);
            Assert.Equal(("dcdm", "vulkan"), (solver.Name, solver.Backend));
        }
        // The CPU solver's residual check of the GPU's answer, in double.
        var ax = new double[a.Size];
        a.Apply(gpuX, ax);
        for (var c = 0; c < ax.Length; c++) ax[c] = b[c] - ax[c];
        var trueResidual = VectorOps.Norm(ax) / VectorOps.Norm(b);
        if (a.IsSingular) foreach (var x in new[] { cpuX, gpuX }) RemoveMean(a, x);
        var difference = VectorOps.RelativeError(gpuX, cpuX);
        output.WriteLine($"{architecture} {dimensions}D {a.Shape}: CPU {cpu.Info.Iterations} it ({cpu.Outcome}), " +
                         $"GPU {gpu.Iterations} it, GPU true residual {trueResidual:E2}, solution difference {difference:E2}");
        Assert.Equal(DeepConjugateDirection.Outcome.Converged, cpu.Outcome);
        Assert.True(gpu.Converged);
        Assert.InRange(gpu.Iterations, cpu.Info.Iterations * 9 / 10 - 1, cpu.Info.Iterations * 11 / 10 + 1);
        // Float: the GPU's recursive residual may drift from b − Ax by ~1e-6 between refreshes.
        Assert.InRange(trueResidual, 0, 2e-5);
        Assert.InRange(difference, 0, 1e-3);
    }

    private static DirectionNetwork NearIdentity(string architecture, int dimensions)
    {
        var network = (DirectionNetwork)PreconditionerNetwork.Create(architecture, dimensions);
        var state = network.state_dict();
        using var noGrad = TorchSharp.torch.no_grad();
        foreach (var parameter in state.Values) parameter.mul_(0.02);
        // The residual is input channel 0; two channels carry relu(r) and relu(−r), the last layer subtracts them.
        var (first, last) = architecture == CoarseDirectionNetwork.ArchitectureName ? ("_fine1", "_fine2") : ("_lift", "_project");
        AddAtCentre(state[$"{first}.weight"], 0, 0, 1);
        AddAtCentre(state[$"{first}.weight"], 1, 0, -1);
        AddAtCentre(state[$"{last}.weight"], 0, 0, 1);
        AddAtCentre(state[$"{last}.weight"], 0, 1, -1);
        return network;
    }

    // weight[output, input, centre tap] += value, on a [cout, cin, (3,) 3, 3] tensor.
    private static void AddAtCentre(TorchSharp.torch.Tensor weight, int output, int input, float value)
    {
        var values = weight.detach().contiguous().data<float>().ToArray();
        var taps = weight.dim() == 4 ? 9 : 27;
        values[(output * (int)weight.shape[1] + input) * taps + taps / 2] += value;
        weight.copy_(TorchSharp.torch.tensor(values, weight.shape));
    }

    private static void RemoveMean(IPoissonStencil a, double[] x)
    {
        var (sum, count) = (0.0, 0);
        for (var c = 0; c < x.Length; c++) if (a.IsUnknown(c)) (sum, count) = (sum + x[c], count + 1);
        for (var c = 0; c < x.Length; c++) if (a.IsUnknown(c)) x[c] -= sum / count;
    }
}
