using PhysML.Solvers;
using PhysML.Solvers.Learned;
using TorchSharp;
using static TorchSharp.torch;

namespace PhysML.ML.Preconditioners;

/// <summary>
/// A <see cref="DirectionNetwork"/> as the solvers' <see cref="ISearchDirectionModel"/>, run by TorchSharp on the
/// CPU. The stencil tensors are built once per operator version. <see cref="Replace"/> swaps in new weights between
/// solves (online training); a solve in progress keeps the network it started with.
/// </summary>
public sealed class TorchDirectionModel : ISearchDirectionModel, IDisposable
{
    private readonly object _gate = new();
    private DirectionNetwork _network;
    private StencilTensors? _stencil;
    private IPoissonStencil? _stencilFor;
    private int _stencilVersion = -1;
    private float[] _buffer = Array.Empty<float>();

    public TorchDirectionModel(DirectionNetwork network, int version = 1)
    {
        _network = network;
        _network.eval();
        Version = version;
    }

    public string Name => _network.Architecture;

    public int Version { get; private set; }

    public DirectionNetwork Network
    {
        get { lock (_gate) return _network; }
    }

    /// <summary>Makes <paramref name="network"/> the model and returns the previous one (kept for rollback).</summary>
    public DirectionNetwork Replace(DirectionNetwork network, int version)
    {
        network.eval();
        lock (_gate)
        {
            var previous = _network;
            _network = network;
            Version = version;
            return previous;
        }
    }

    public void Propose(IPoissonStencil a, ReadOnlySpan<double> r, Span<double> q)
    {
        DirectionNetwork network;
        lock (_gate) network = _network;
        if (network.Dimensions != (a.Shape.Nz == 1 ? 2 : 3))
            throw new ArgumentException($"a {network.Dimensions}D model cannot propose directions for a {a.Shape} system");
        var stencil = StencilFor(a);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var input = DirectionNetwork.Inputs(stencil.Field(r), stencil);
        var output = network.forward(input).contiguous();
        if (_buffer.Length != q.Length) _buffer = new float[q.Length];
        output.data<float>().CopyTo(_buffer);
        for (var n = 0; n < q.Length; n++) q[n] = _buffer[n];
    }

    private StencilTensors StencilFor(IPoissonStencil a)
    {
        if (_stencil is not null && ReferenceEquals(_stencilFor, a) && _stencilVersion == a.Version) return _stencil;
        _stencil?.Dispose();
        _stencil = new StencilTensors(a);
        (_stencilFor, _stencilVersion) = (a, a.Version);
        return _stencil;
    }

    public void Dispose()
    {
        _stencil?.Dispose();
        _network.Dispose();
    }
}
