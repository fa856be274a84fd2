using PhysML.Gpu.Solvers;
using PhysML.Solvers;
using PhysML.Solvers.Learned;

namespace PhysML.Gpu.ML;

/// <summary>
/// A residual-to-direction network (coarse16 or unet16) run by our own Vulkan compute kernels (shaders/ml/): the
/// weights are uploaded once, each system gets a <see cref="DirectionNetworkPlan"/> (activations allocated and kernels
/// bound once, the forward pass recorded once into a <see cref="CommandSequence"/> and replayed). As an
/// <see cref="ISearchDirectionModel"/> it copies the residual up and the direction down per call, for the CPU
/// solvers' loops; a GPU solver calls <see cref="PlanFor"/> with its own buffers instead and never leaves the GPU.
/// In float, like the TorchSharp network it mirrors. Not thread-safe.
/// </summary>
public sealed class VulkanDirectionNetwork : ISearchDirectionModel, IDisposable
{
    private readonly VulkanContext _context;
    private readonly MlKernels _kernels;
    private readonly Dictionary<string, GpuConvolution> _layers = new();
    private HostPlan? _host;
    private float[] _floats = Array.Empty<float>();

    public VulkanDirectionNetwork(VulkanContext context, DirectionNetworkWeights weights, int version = 1)
    {
        _context = context;
        Architecture = weights.Architecture;
        Dimensions = weights.Dimensions;
        Version = version;
        _kernels = new MlKernels(context);
        try
        {
            foreach (var layer in DirectionNetworkArchitecture.Layers(Architecture))
                _layers[layer.Name] = new GpuConvolution(context, layer, weights);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Loads a coarse16/unet16 checkpoint (PML0501/PML0502 naming the file and the problem).</summary>
    public static VulkanDirectionNetwork Load(VulkanContext context, string path, int? dimensions = null)
    {
        var (weights, metadata) = DirectionNetworkWeights.Load(path, dimensions);
        return new VulkanDirectionNetwork(context, weights, metadata.ModelVersion);
    }

    public string Name => Architecture;

    public string Architecture { get; }

    public int Dimensions { get; }

    public int Version { get; }

    /// <summary>The device the network runs on, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".</summary>
    public string DeviceName => _context.DeviceName;

    public bool IsDisposed { get; private set; }

    /// <summary>
    /// The forward pass for system <paramref name="a"/>, reading <paramref name="residual"/> and writing
    /// <paramref name="direction"/> (float vectors of a's cells, on this network's context). The caller owns the plan
    /// and disposes it before this network; it is valid for this version of <paramref name="a"/>'s stencil.
    /// </summary>
    public DirectionNetworkPlan PlanFor(IPoissonStencil a, GpuBuffer residual, GpuBuffer direction)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        RequireDimensions(a);
        return new DirectionNetworkPlan(_context, _kernels, _layers, Architecture, a, residual, direction);
    }

    public void Propose(IPoissonStencil a, ReadOnlySpan<double> r, Span<double> q)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        RequireDimensions(a);
        var host = HostPlanFor(a);
        var n = a.Size;
        if (_floats.Length < n) _floats = new float[n];
        for (var c = 0; c < n; c++) _floats[c] = (float)r[c];
        host.Residual.Upload<float>(_floats.AsSpan(0, n));
        host.Sequence.SubmitAndWait();
        host.Direction.Download<float>(_floats.AsSpan(0, n));
        for (var c = 0; c < n; c++) q[c] = _floats[c];
    }

    private void RequireDimensions(IPoissonStencil a)
    {
        if (Dimensions != (a.Shape.Nz == 1 ? 2 : 3))
            throw new ArgumentException($"a {Dimensions}D {Architecture} network cannot propose directions for a {a.Shape} system");
    }

    // One plan with host-visible residual and direction vectors for the CPU loops, rebuilt when the stencil changes.
    private HostPlan HostPlanFor(IPoissonStencil a)
    {
        if (_host is { } current && ReferenceEquals(current.Operator, a) && current.Version == a.Version) return current;
        _host?.Dispose();
        _host = null;
        var resources = new List<IDisposable>();
        try
        {
            var residual = _context.CreateBuffer(SolverBuffers.Vector(a.Size), "network.residual");
            resources.Add(residual);
            var direction = _context.CreateBuffer(SolverBuffers.Vector(a.Size), "network.direction");
            resources.Add(direction);
            var plan = PlanFor(a, residual, direction);
            resources.Add(plan);
            var sequence = _context.CreateSequence($"{Architecture}.forward");
            resources.Add(sequence);
            sequence.Record(plan.Record);
            return _host = new HostPlan(a, a.Version, residual, direction, plan, sequence);
        }
        catch
        {
            for (var i = resources.Count - 1; i >= 0; i--) resources[i].Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (IsDisposed) return;
        IsDisposed = true;
        _host?.Dispose();
        _host = null;
        foreach (var layer in _layers.Values) layer.Dispose();
        _layers.Clear();
        _kernels.Dispose();
    }

    public override string ToString() => $"VulkanDirectionNetwork {Architecture} {Dimensions}D v{Version}";

    private sealed record HostPlan(IPoissonStencil Operator, int Version, GpuBuffer Residual, GpuBuffer Direction,
        DirectionNetworkPlan Plan, CommandSequence Sequence) : IDisposable
    {
        public void Dispose()
        {
            Sequence.Dispose();
            Plan.Dispose();
            Direction.Dispose();
            Residual.Dispose();
        }
    }
}
