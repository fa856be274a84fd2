using PhysML.Core.Errors;
using PhysML.Gpu;
using PhysML.Gpu.ML;
using PhysML.ML.Preconditioners;
using PhysML.Solvers;
using PhysML.Solvers.Learned;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace PhysML.ML.Tests;

/// <summary>
/// The direction networks run by our Vulkan kernels (lavapipe here, validation layer on: any message fails) against
/// the same weights in TorchSharp. Both compute in float with different summation orders (torch's convolutions go
/// through im2col/GEMM), so they differ by float rounding amplified by the layers: measured ≤ 1e-6 relative; the
/// issue's bound, 1e-4, leaves room for other devices' fused multiply-adds while still catching any wrong tap, channel,
/// pooling or interpolation weight (those give errors of order 1e-2 and more).
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class VulkanDirectionNetworkParityTests(ITestOutputHelper output) : IDisposable
{
    private readonly VulkanContext _context = new(VulkanDeviceOptions.Validated);
    private readonly string _directory = Directory.CreateTempSubdirectory("physml-vknet-").FullName;

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        _context.Dispose();
        Assert.Empty(_context.ValidationMessages);
    }

    // Sizes that are not multiples of the networks' padding (unet16 pads to 2, coarse16 to 8), so the padding, the
    // crop, and coarse grids of odd sizes (coarse16 3D: 19 → 24 → 6 → 3) are all exercised.
    public static TheoryData<string, int, int> Cases() => new()
    {
        { UNetDirectionNetwork.ArchitectureName, 2, 37 }, { UNetDirectionNetwork.ArchitectureName, 3, 13 },
        { CoarseDirectionNetwork.ArchitectureName, 2, 45 }, { CoarseDirectionNetwork.ArchitectureName, 3, 19 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vulkan_and_TorchSharp_directions_agree_to_1e_4(string architecture, int dimensions, int n)
    {
        TorchCollection.Seeded(11);
        using var network = (DirectionNetwork)PreconditionerNetwork.Create(architecture, dimensions);
        using var vulkan = new VulkanDirectionNetwork(_context, WeightsOf(network));
        var a = RandomObstacleSystems.Create(dimensions, n, seed: n);
        foreach (var seed in new[] { 1, 2 })
        {
            var r = RandomObstacleSystems.RightHandSide(a, seed);
            // A large residual: the network must see it scaled to unit RMS as in torch.
            for (var c = 0; c < r.Length; c++) r[c] *= 1e3;
            var expected = TorchDirection(network, a, r);
            var actual = new double[a.Size];
            vulkan.Propose(a, r, actual);
            var error = VectorOps.RelativeError(actual, expected);
            output.WriteLine($"{architecture} {dimensions}D {a.Shape} seed {seed}: relative error {error:E2} (‖q‖ = {VectorOps.Norm(expected):E3})");
            Assert.InRange(error, 0, 1e-4);
            for (var c = 0; c < a.Size; c++)
                if (!a.IsUnknown(c)) Assert.Equal(0, actual[c]);
        }
    }

    [Theory]
    [InlineData("coarse16", 3)]
    [InlineData("unet16", 2)]
    public void A_checkpoint_runs_on_Vulkan_without_libtorch_like_its_network(string architecture, int dimensions)
    {
        TorchCollection.Seeded(5);
        using var network = (DirectionNetwork)PreconditionerNetwork.Create(architecture, dimensions);
        var path = Path.Combine(_directory, $"{architecture}.ckpt");
        PreconditionerCheckpoint.Save(network, path, new CheckpointMetadata
        {
            Kind = "overwritten", Architecture = "overwritten", Dimensions = 0, ModelVersion = 4,
        });
        using var vulkan = VulkanDirectionNetwork.Load(_context, path, dimensions);
        Assert.Equal((architecture, dimensions, 4), (vulkan.Name, vulkan.Dimensions, vulkan.Version));
        var a = RandomObstacleSystems.Create(dimensions, dimensions == 2 ? 24 : 12, seed: 3);
        var r = RandomObstacleSystems.RightHandSide(a, 7);
        var actual = new double[a.Size];
        vulkan.Propose(a, r, actual);
        var error = VectorOps.RelativeError(actual, TorchDirection(network, a, r));
        output.WriteLine($"{architecture} {dimensions}D from {Path.GetFileName(path)}: relative error {error:E2}");
        Assert.InRange(error, 0, 1e-4);
    }

    // The device entry point: a plan on the caller's buffers, recorded into the caller's sequence, gives the same
    // bits as the host path (the same kernels in the same order), and follows a changed stencil.
    [Fact]
    public void A_plan_on_the_callers_buffers_gives_the_host_paths_direction()
    {
        TorchCollection.Seeded(2);
        using var network = (DirectionNetwork)PreconditionerNetwork.Create(CoarseDirectionNetwork.ArchitectureName, 2);
        using var vulkan = new VulkanDirectionNetwork(_context, WeightsOf(network));
        foreach (var seed in new[] { 1, 2 })
        {
            var a = RandomObstacleSystems.Create(2, 30, seed);
            var r = RandomObstacleSystems.RightHandSide(a, seed);
            var host = new double[a.Size];
            vulkan.Propose(a, r, host);

            var description = new BufferDescription((ulong)a.Size * sizeof(float), GpuBufferUsage.Storage, HostVisible: true);
            using var residual = _context.CreateBuffer(description, "test.residual");
            using var direction = _context.CreateBuffer(description, "test.direction");
            residual.Upload<float>(r.Select(v => (float)v).ToArray());
            using var plan = vulkan.PlanFor(a, residual, direction);
            using var sequence = _context.CreateSequence("test.forward");
            sequence.Record(plan.Record);
            sequence.SubmitAndWait();
            var device = new float[a.Size];
            direction.Download<float>(device);
            Assert.Equal(host, device.Select(v => (double)v).ToArray());
        }
    }

    [Fact]
    public void Checkpoints_without_Vulkan_kernels_or_of_the_wrong_dimensionality_are_refused_with_PML0502()
    {
        TorchCollection.Seeded();
        var metadata = new CheckpointMetadata { Kind = "x", Architecture = "x", Dimensions = 0 };
        var learnedCycle = Path.Combine(_directory, "mg.ckpt");
        using (var network = PreconditionerNetwork.Create("mg-learned", 2)) PreconditionerCheckpoint.Save(network, learnedCycle, metadata);
        var e = Assert.Throws<PhysMLException>(() => VulkanDirectionNetwork.Load(_context, learnedCycle));
        Assert.Equal(ErrorCodes.CheckpointIncompatible, e.Code);
        Assert.Contains("mg-learned", e.Message);
        Assert.Contains(learnedCycle, e.Message);

        var unet = Path.Combine(_directory, "unet.ckpt");
        using (var network = PreconditionerNetwork.Create("unet16", 3)) PreconditionerCheckpoint.Save(network, unet, metadata);
        e = Assert.Throws<PhysMLException>(() => VulkanDirectionNetwork.Load(_context, unet, dimensions: 2));
        Assert.Equal(ErrorCodes.CheckpointIncompatible, e.Code);
        Assert.Contains("3D model and the system is 2D", e.Message);

        using var twoD = PreconditionerNetwork.Create("unet16", 2);
        var weights = Tensors(twoD);
        weights.Remove("_coarse2.bias");
        e = Assert.Throws<PhysMLException>(() => new DirectionNetworkWeights("unet16", 2, weights, "test weights"));
        Assert.Contains("'_coarse2.bias' of unet16 is missing", e.Message);
        Assert.Equal(PreconditionerCheckpoint.Kind, DirectionNetworkWeights.CheckpointKind);
    }

    internal static DirectionNetworkWeights WeightsOf(PreconditionerNetwork network) =>
        new(network.Architecture, network.Dimensions, Tensors(network), "TorchSharp network");

    private static Dictionary<string, (float[] Values, long[] Shape)> Tensors(PreconditionerNetwork network) =>
        network.state_dict().ToDictionary(p => p.Key,
            p => (p.Value.detach().cpu().contiguous().data<float>().ToArray(), p.Value.shape));

    internal static double[] TorchDirection(DirectionNetwork network, IPoissonStencil a, double[] r)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var stencil = new StencilTensors(a);
        network.eval();
        var q = network.forward(DirectionNetwork.Inputs(stencil.Field(r), stencil)).contiguous().data<float>().ToArray();
        return q.Select(v => (double)v).ToArray();
    }
}
