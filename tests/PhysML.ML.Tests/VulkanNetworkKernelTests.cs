using PhysML.Gpu;
using PhysML.Gpu.ML;
using PhysML.Gpu.Solvers;
using Xunit.Abstractions;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PhysML.ML.Tests;

/// <summary>
/// Each network kernel of shaders/ml/ against the torch function it stands for, on odd sizes (zero padding at every
/// face, coarse grids that are not powers of two, the upper neighbour clamped at the last cell), validation layer on.
/// Float on both sides with different summation orders: a 135-term convolution agrees to ~1e-7 relative, pooling and
/// interpolation to the last bits; 1e-5 relative catches any misplaced tap, channel or weight (errors ≥ 1e-2).
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class VulkanNetworkKernelTests(ITestOutputHelper output) : IDisposable
{
    private const double Tolerance = 1e-5;
    private readonly VulkanContext _context = new(VulkanDeviceOptions.Validated);
    private readonly List<IDisposable> _owned = new();
    private MlKernels Kernels => _kernels ??= Own(new MlKernels(_context));
    private MlKernels? _kernels;

    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--) _owned[i].Dispose();
        _context.Dispose();
        Assert.Empty(_context.ValidationMessages);
    }

    // Flags as ml_convolution.comp reads them (ConvolutionFlags is internal): 1 ReLU, 2 add the input, 4 accumulate.
    public static TheoryData<int, int, int, uint> ConvolutionCases() => new()
    {
        { 2, 3, 16, 0 },
        { 2, 4, 1, 4 },
        { 3, 5, 6, 1 | 4 },
        { 3, 16, 16, 1 | 2 },
    };

    [Theory]
    [MemberData(nameof(ConvolutionCases))]
    public void The_convolution_matches_torch_with_zero_padding_bias_relu_and_additions(int dimensions, int cin, int cout, uint flagBits)
    {
        var flags = (ConvolutionFlags)flagBits;
        TorchCollection.Seeded(dimensions * 100 + cin);
        using var scope = NewDisposeScope();
        long[] spatial = dimensions == 2 ? [9, 11] : [5, 6, 7];
        var x = randn([1, cin, .. spatial]);
        var weight = randn(dimensions == 2 ? [cout, cin, 3, 3] : [cout, cin, 3, 3, 3]);
        var bias = randn(cout);
        var before = randn([1, cout, .. spatial]);
        var conv = dimensions == 2 ? functional.conv2d(x, weight, bias, padding: [1, 1]) : functional.conv3d(x, weight, bias, padding: [1, 1, 1]);
        var expected = flags.HasFlag(ConvolutionFlags.Relu) ? functional.relu(conv) : conv;
        if (flags.HasFlag(ConvolutionFlags.AddInput)) expected = expected + x;
        if (flags.HasFlag(ConvolutionFlags.Accumulate)) expected = expected + before;

        var outputBuffer = Upload(before);
        var grid = Grid(spatial);
        Kernels.Convolution.Dispatch<ConvolutionPush>([Upload(x), Upload(weight), Upload(bias), outputBuffer],
            new((uint)grid.Nx, (uint)grid.Ny, (uint)grid.Nz, (uint)cin, (uint)cout, dimensions == 2 ? 1u : 3u, flags),
            Groups(grid.CellCount));
        Compare(expected, outputBuffer, $"conv {dimensions}D {cin}→{cout} {flags}");
    }

    [Theory]
    [InlineData(2, 4)]
    [InlineData(3, 2)]
    [InlineData(3, 4)]
    public void Average_pooling_matches_torch(int dimensions, int factor)
    {
        TorchCollection.Seeded(factor);
        using var scope = NewDisposeScope();
        long[] coarse = dimensions == 2 ? [3, 5] : [1, 3, 2];
        var x = randn([1, 3, .. coarse.Select(m => m * factor)]);
        var expected = dimensions == 2 ? functional.avg_pool2d(x, [factor, factor]) : functional.avg_pool3d(x, [factor, factor, factor]);
        var result = Buffer((int)expected.numel());
        var grid = Grid(coarse);
        Kernels.AveragePool.Dispatch<ResamplePush>([Upload(x), result],
            new((uint)grid.Nx, (uint)grid.Ny, (uint)grid.Nz, 3, (uint)factor, dimensions == 2 ? 1u : (uint)factor, 0),
            Groups(3 * grid.CellCount));
        Compare(expected, result, $"avg_pool {dimensions}D ×{factor}");
    }

    [Theory]
    [InlineData(2, 4, false)]
    [InlineData(2, 2, true)]
    [InlineData(3, 2, true)]
    [InlineData(3, 4, false)]
    public void Linear_upsampling_matches_torch_interpolate_without_aligned_corners(int dimensions, int factor, bool accumulate)
    {
        TorchCollection.Seeded(10 + factor);
        using var scope = NewDisposeScope();
        // 1, 3 and 5 cells: a single coarse cell (both neighbours clamped), and odd sizes.
        long[] coarse = dimensions == 2 ? [3, 5] : [1, 3, 5];
        var x = randn([1, 2, .. coarse]);
        var up = functional.interpolate(x, scale_factor: Enumerable.Repeat((double)factor, dimensions).ToArray(),
            mode: dimensions == 2 ? InterpolationMode.Bilinear : InterpolationMode.Trilinear, align_corners: false);
        var before = randn(up.shape);
        var expected = accumulate ? up + before : up;
        var result = Upload(before);
        var grid = Grid(coarse);
        Kernels.Upsample.Dispatch<ResamplePush>([Upload(x), result],
            new((uint)grid.Nx, (uint)grid.Ny, (uint)grid.Nz, 2, (uint)factor, dimensions == 2 ? 1u : (uint)factor, accumulate ? 1u : 0u),
            Groups((int)up.numel()));
        Compare(expected, result, $"upsample {dimensions}D ×{factor}{(accumulate ? " +=" : "")}");
    }

    private static GridExtent Grid(long[] spatial) => spatial.Length == 2
        ? new GridExtent((int)spatial[1], (int)spatial[0], 1)
        : new GridExtent((int)spatial[2], (int)spatial[1], (int)spatial[0]);

    private static uint Groups(int elements) => ComputeKernel.GroupCount((uint)elements, 256);

    private void Compare(Tensor expected, GpuBuffer actual, string what)
    {
        var reference = expected.contiguous().data<float>().ToArray();
        var values = new float[reference.Length];
        actual.Download<float>(values);
        var (difference, norm) = (0.0, 0.0);
        for (var i = 0; i < values.Length; i++)
        {
            difference += Math.Pow(values[i] - reference[i], 2);
            norm += Math.Pow(reference[i], 2);
        }
        var error = Math.Sqrt(difference / norm);
        output.WriteLine($"{what}: relative error {error:E2} over {values.Length} values");
        Assert.InRange(error, 0, Tolerance);
    }

    private GpuBuffer Upload(Tensor t)
    {
        var values = t.contiguous().data<float>().ToArray();
        var buffer = Buffer(values.Length);
        buffer.Upload<float>(values);
        return buffer;
    }

    private GpuBuffer Buffer(int count) => Own(_context.CreateBuffer(SolverBuffers.Vector(count), "test.tensor"));

    private T Own<T>(T resource) where T : IDisposable
    {
        _owned.Add(resource);
        return resource;
    }
}
