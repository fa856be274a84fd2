using PhysML.Solvers.Learned;
using TorchSharp;
using static TorchSharp.torch;

namespace PhysML.ML.Preconditioners;

/// <summary>Saves and loads a <see cref="PreconditionerNetwork"/> as a <see cref="ModelCheckpoint"/>.</summary>
public static class PreconditionerCheckpoint
{
    public const string Kind = "search-direction";

    public static void Save(PreconditionerNetwork network, string path, CheckpointMetadata metadata)
    {
        var state = network.state_dict();
        var tensors = state.Select(p => new CheckpointTensor(p.Key, p.Value.shape)).ToArray();
        var values = state.Select(p => p.Value.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray()).ToArray();
        ModelCheckpoint.Write(path, metadata with
        {
            Kind = Kind,
            Architecture = network.Architecture,
            Dimensions = network.Dimensions,
            Tensors = tensors,
        }, values);
    }

    /// <summary>
    /// Loads a network; <paramref name="dimensions"/>, when given, must match. Every problem is a PML0501/PML0502
    /// naming the file and the mismatch.
    /// </summary>
    public static (PreconditionerNetwork Network, CheckpointMetadata Metadata) Load(string path, int? dimensions = null)
    {
        var (metadata, values) = ModelCheckpoint.Read(path);
        if (metadata.Kind != Kind)
            throw ModelCheckpoint.Incompatible(path, $"it holds a '{metadata.Kind}' model, not a '{Kind}' one");
        if (!PreconditionerNetwork.Architectures.Contains(metadata.Architecture))
            throw ModelCheckpoint.Incompatible(path, $"unknown architecture '{metadata.Architecture}' (known: {string.Join(", ", PreconditionerNetwork.Architectures)})");
        if (dimensions is { } d && metadata.Dimensions != d)
            throw ModelCheckpoint.Incompatible(path, $"it is a {metadata.Dimensions}D model and the system is {d}D");
        var network = PreconditionerNetwork.Create(metadata.Architecture, metadata.Dimensions);
        var state = network.state_dict();
        var stored = metadata.Tensors.Select((t, i) => (t, i)).ToDictionary(p => p.t.Name, p => p);
        using (no_grad())
        {
            foreach (var (name, parameter) in state)
            {
                if (!stored.TryGetValue(name, out var entry))
                    throw ModelCheckpoint.Incompatible(path, $"tensor '{name}' of {metadata.Architecture} is missing");
                if (!entry.t.Shape.SequenceEqual(parameter.shape))
                    throw ModelCheckpoint.Incompatible(path, $"tensor '{name}' has shape [{string.Join(", ", entry.t.Shape)}], " +
                                                             $"{metadata.Architecture} needs [{string.Join(", ", parameter.shape)}]");
                parameter.copy_(tensor(values[entry.i], parameter.shape));
            }
        }
        if (stored.Count != state.Count)
            throw ModelCheckpoint.Incompatible(path, $"it has {stored.Count} tensors, {metadata.Architecture} has {state.Count}");
        return (network, metadata);
    }
}
