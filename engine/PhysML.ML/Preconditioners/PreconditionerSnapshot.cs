using TorchSharp;
using static TorchSharp.torch;

namespace PhysML.ML.Preconditioners;

/// <summary>
/// A frozen copy of a <see cref="PreconditionerNetwork"/>'s weights: what the online trainer hands from its thread to
/// the engine's, and what becomes a new network (and model) there. Immutable, so either thread can read it.
/// </summary>
public sealed class PreconditionerSnapshot
{
    private readonly (string Name, long[] Shape, float[] Values)[] _tensors;

    private PreconditionerSnapshot(string architecture, int dimensions, int version, (string, long[], float[])[] tensors)
    {
        Architecture = architecture;
        Dimensions = dimensions;
        Version = version;
        _tensors = tensors;
    }

    public string Architecture { get; }
    public int Dimensions { get; }
    public int Version { get; }

    /// <summary>False when training diverged: some weight is NaN or infinite.</summary>
    public bool IsFinite => _tensors.All(t => t.Values.All(float.IsFinite));

    public static PreconditionerSnapshot Of(PreconditionerNetwork network, int version)
    {
        using var noGrad = no_grad();
        var tensors = network.state_dict()
            .Select(p => (p.Key, p.Value.shape, p.Value.detach().cpu().contiguous().data<float>().ToArray())).ToArray();
        return new PreconditionerSnapshot(network.Architecture, network.Dimensions, version, tensors);
    }

    /// <summary>A new network with these weights (the caller owns it).</summary>
    public PreconditionerNetwork ToNetwork()
    {
        var network = PreconditionerNetwork.Create(Architecture, Dimensions);
        CopyTo(network);
        return network;
    }

    /// <summary>Overwrites <paramref name="network"/>'s weights (same architecture) with these.</summary>
    public void CopyTo(PreconditionerNetwork network)
    {
        var state = network.state_dict();
        using var noGrad = no_grad();
        foreach (var (name, shape, values) in _tensors) state[name].copy_(tensor(values, shape));
    }
}
