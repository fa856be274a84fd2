using PhysML.Core.Errors;
using PhysML.Gpu.Solvers;
using PhysML.Solvers;

namespace PhysML.Gpu.ML;

/// <summary>
/// A direction network's forward pass for one system on the GPU: the stencil's input channels and every activation
/// allocated once, every kernel bound once, so <see cref="Record"/> only records dispatches. Reads the residual from
/// <see cref="Residual"/> and writes the direction (zero off the unknowns) to <see cref="Direction"/>, both float
/// vectors of the system's cells: a GPU solver passes its own buffers and records the pass into its own sequence, so
/// the solve never leaves the GPU. Created by <see cref="VulkanDirectionNetwork.PlanFor"/>; the network must outlive it.
/// </summary>
public sealed partial class DirectionNetworkPlan : IDisposable
{
    private readonly VulkanContext _context;
    private readonly MlKernels _kernels;
    private readonly IReadOnlyDictionary<string, GpuConvolution> _layers;
    private readonly List<IDisposable> _owned = new();
    private readonly List<Action<ComputeRecorder>> _steps = new();
    private readonly bool _is3D;
    private GpuBuffer? _unknown; // the unknown mask, read by the input and by the crop

    internal DirectionNetworkPlan(VulkanContext context, MlKernels kernels, IReadOnlyDictionary<string, GpuConvolution> layers,
        string architecture, IPoissonStencil a, GpuBuffer residual, GpuBuffer direction)
    {
        _context = context;
        _kernels = kernels;
        _layers = layers;
        Shape = a.Shape;
        Residual = residual;
        Direction = direction;
        _is3D = a.Shape.Nz > 1;
        var grid = new GridExtent(a.Shape.Nx, a.Shape.Ny, a.Shape.Nz);
        Padded = grid.PaddedTo(DirectionNetworkArchitecture.SizeMultiple(architecture));
        RequireBuffersFit(context, architecture, a.Shape, Padded);
        var need = (ulong)a.Size * sizeof(float);
        if (residual.SizeInBytes < need || direction.SizeInBytes < need)
            throw new ArgumentException($"the residual ({residual}) and direction ({direction}) buffers need {need} bytes for a {a.Shape} system");
        try
        {
            var input = Activation("input", DirectionNetworkArchitecture.InputChannels, Padded);
            RecordInput(a, grid, input);
            var output = Activation("output", 1, Padded);
            if (architecture == DirectionNetworkArchitecture.Coarse16) RecordCoarse16(input, output);
            else RecordUNet16(input, output);
            var crop = Own(_kernels.MaskCrop.Bind(output, _unknown!, direction));
            var push = new PaddingPush((uint)grid.Nx, (uint)grid.Ny, (uint)grid.Nz, (uint)Padded.Nx, (uint)Padded.Ny, (uint)Padded.Nz);
            var groups = Groups(grid.CellCount);
            _steps.Add(recorder => recorder.Dispatch(crop, push, groups));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public StencilShape Shape { get; }

    /// <summary>The residual the pass reads (float, one per cell).</summary>
    public GpuBuffer Residual { get; }

    /// <summary>The direction the pass writes (float, one per cell; zero off the unknowns).</summary>
    public GpuBuffer Direction { get; }

    /// <summary>The grid the network runs on: the system's, zero-padded to the architecture's size multiple.</summary>
    internal GridExtent Padded { get; }

    public bool IsDisposed { get; private set; }

    /// <summary>Records the forward pass (residual → direction) into a sequence being recorded.</summary>
    public void Record(ComputeRecorder recorder)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        foreach (var step in _steps) step(recorder);
    }

    // Each activation is one storage buffer; the widest holds 16 channels of the padded grid. Checked before anything
    // is allocated, so the error names the grid and the limit rather than a buffer half-way through the plan.
    private static void RequireBuffersFit(VulkanContext context, string architecture, StencilShape shape, GridExtent padded)
    {
        var widest = (ulong)DirectionNetworkArchitecture.MaxChannels * (ulong)padded.CellCount * sizeof(float);
        var limit = context.MaxStorageBufferRange;
        if (widest > limit)
            throw new PhysMLException(ErrorCodes.NetworkGridTooLarge, ErrorCategory.BadInput,
                $"the {architecture} network cannot run on Vulkan for a {shape} grid: its 16-channel activations on the " +
                $"padded {padded} grid need {widest} bytes in one buffer, and {context.DeviceName} allows {limit} " +
                "(maxStorageBufferRange); use a smaller grid, or the CPU backend");
    }

    // The input: r·(1/rms) with rms over the unknowns (dot.comp's partial sums, then ml_rms_scale.comp), the mask and
    // the diagonal over 2·d, all from the stencil uploaded here once.
    private void RecordInput(IPoissonStencil a, GridExtent grid, GpuBuffer input)
    {
        var n = a.Size;
        var unknown = new float[n];
        var diagonal = new float[n];
        var unknownCount = 0;
        var dimensions = _is3D ? 3 : 2;
        for (var c = 0; c < n; c++)
        {
            if (a.IsUnknown(c)) (unknown[c], unknownCount) = (1, unknownCount + 1);
            // As DirectionNetwork.Inputs: the float diagonal divided in float.
            diagonal[c] = (float)a.Diagonal[c] / (float)(2.0 * dimensions);
        }
        _unknown = Vector("unknown", n);
        _unknown.Upload<float>(unknown);
        var diagonalOver2d = Vector("diagonalOver2d", n);
        diagonalOver2d.Upload<float>(diagonal);

        var groups = Groups(n);
        var partials = Vector("partials", groups.Count);
        var scale = Vector("scale", 1);
        var dot = Own(_kernels.Dot.Bind(Residual, Residual, partials));
        var rms = Own(_kernels.RmsScale.Bind(partials, scale));
        var build = Own(_kernels.Input.Bind(Residual, _unknown, diagonalOver2d, scale, input));
        var padding = new PaddingPush((uint)grid.Nx, (uint)grid.Ny, (uint)grid.Nz, (uint)Padded.Nx, (uint)Padded.Ny, (uint)Padded.Nz);
        var rmsPush = new RmsScalePush((uint)groups.Count, (uint)unknownCount);
        var paddedGroups = Groups(Padded.CellCount);
        _steps.Add(recorder =>
        {
            recorder.Dispatch(dot, new CountPush((uint)n), groups);
            recorder.Dispatch(rms, rmsPush, new WorkgroupGrid(1, 1));
            recorder.Dispatch(build, padding, paddedGroups);
        });
    }

    /// <summary>out (+)= act(conv(in)) (+ in), on <paramref name="grid"/>.</summary>
    private void Convolution(string layer, GpuBuffer input, GpuBuffer output, GridExtent grid, ConvolutionFlags flags)
    {
        var convolution = _layers[layer];
        var binding = Own(_kernels.Convolution.Bind(input, convolution.Weights, convolution.Bias, output));
        var push = new ConvolutionPush((uint)grid.Nx, (uint)grid.Ny, (uint)grid.Nz, (uint)convolution.Layer.InputChannels,
            (uint)convolution.Layer.OutputChannels, _is3D ? 3u : 1u, flags);
        var groups = Groups(grid.CellCount);
        _steps.Add(recorder => recorder.Dispatch(binding, push, groups));
    }

    /// <summary>coarse = average of fine over factor-sized blocks.</summary>
    private void AveragePool(GpuBuffer fine, GpuBuffer coarse, GridExtent coarseGrid, int channels, int factor)
    {
        var binding = Own(_kernels.AveragePool.Bind(fine, coarse));
        var push = Resample(coarseGrid, channels, factor, accumulate: false);
        var groups = Groups(coarseGrid.CellCount * channels);
        _steps.Add(recorder => recorder.Dispatch(binding, push, groups));
    }

    /// <summary>fine (+)= linear interpolation of coarse.</summary>
    private void Upsample(GpuBuffer coarse, GpuBuffer fine, GridExtent coarseGrid, int channels, int factor, bool accumulate)
    {
        var binding = Own(_kernels.Upsample.Bind(coarse, fine));
        var push = Resample(coarseGrid, channels, factor, accumulate);
        var groups = Groups(coarseGrid.CellCount * channels * factor * factor * (_is3D ? factor : 1));
        _steps.Add(recorder => recorder.Dispatch(binding, push, groups));
    }

    private ResamplePush Resample(GridExtent coarse, int channels, int factor, bool accumulate) => new(
        (uint)coarse.Nx, (uint)coarse.Ny, (uint)coarse.Nz, (uint)channels, (uint)factor, _is3D ? (uint)factor : 1u, accumulate ? 1u : 0u);

    private WorkgroupGrid Groups(int elements) => WorkgroupGrid.For(elements, 256, _context.MaxWorkgroupsX);

    private GpuBuffer Activation(string name, int channels, GridExtent grid) => Vector(name, checked(channels * grid.CellCount));

    private GpuBuffer Vector(string name, int count) => Own(_context.CreateBuffer(SolverBuffers.Vector(count), $"network.{name}"));

    private T Own<T>(T resource) where T : IDisposable
    {
        _owned.Add(resource);
        return resource;
    }

    public void Dispose()
    {
        if (IsDisposed) return;
        IsDisposed = true;
        for (var i = _owned.Count - 1; i >= 0; i--) _owned[i].Dispose();
        _owned.Clear();
    }

    public override string ToString() => $"DirectionNetworkPlan {Shape} (padded {Padded})";
}
