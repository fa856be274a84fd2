using PhysML.Core.Checkpoints;
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

    /// <summary>Writes the snapshot to a run checkpoint (online training's current, previous and pending models).</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Architecture);
        writer.Write(Dimensions);
        writer.Write(Version);
        writer.Write(_tensors.Length);
        foreach (var (name, shape, values) in _tensors)
        {
            writer.Write(name);
            writer.Write(shape.Length);
            foreach (var size in shape) writer.Write(size);
            CheckpointData.Write<float>(writer, values);
        }
    }

    /// <summary>Reads a snapshot <see cref="Write"/> wrote; <paramref name="architecture"/> and
    /// <paramref name="dimensions"/> are the scene's model's, which the checkpoint must match.</summary>
    public static PreconditionerSnapshot Read(BinaryReader reader, string architecture, int dimensions)
    {
        var (written, writtenDimensions) = (reader.ReadString(), reader.ReadInt32());
        if (written != architecture || writtenDimensions != dimensions)
            throw new CheckpointFormatException($"pressure model: the checkpoint trained a {written} ({writtenDimensions}D), this scene loads a {architecture} ({dimensions}D)");
        var version = reader.ReadInt32();
        var count = reader.ReadInt32();
        if (count < 0) throw new CheckpointFormatException($"pressure model: {count} tensors");
        var tensors = new (string, long[], float[])[count];
        for (var t = 0; t < count; t++)
        {
            var name = reader.ReadString();
            var rank = reader.ReadInt32();
            if (rank is < 0 or > 8) throw new CheckpointFormatException($"pressure model tensor {name}: rank {rank}");
            var shape = new long[rank];
            for (var d = 0; d < rank; d++) shape[d] = reader.ReadInt64();
            var values = new float[shape.Aggregate(1L, (n, d) => n * d)];
            CheckpointData.Read<float>(reader, values, $"pressure model tensor {name}");
            tensors[t] = (name, shape, values);
        }
        return new PreconditionerSnapshot(architecture, dimensions, version, tensors);
    }

    /// <summary>Overwrites <paramref name="network"/>'s weights (same architecture) with these.</summary>
    public void CopyTo(PreconditionerNetwork network)
    {
        var state = network.state_dict();
        using var noGrad = no_grad();
        foreach (var (name, shape, values) in _tensors) state[name].copy_(tensor(values, shape));
    }
}
