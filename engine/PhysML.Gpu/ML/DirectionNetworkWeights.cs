using PhysML.Solvers.Learned;

namespace PhysML.Gpu.ML;

/// <summary>
/// A direction network's parameters as plain float arrays, by TorchSharp parameter name, checked once against the
/// architecture's layers: what crosses from a checkpoint (or a live TorchSharp network) to the Vulkan kernels.
/// </summary>
public sealed class DirectionNetworkWeights
{
    /// <summary>The checkpoint kind of direction networks; PhysML.ML's PreconditionerCheckpoint.Kind (a test keeps
    /// the two equal: this project cannot reference that one).</summary>
    public const string CheckpointKind = "search-direction";

    private readonly Dictionary<string, float[]> _tensors;

    /// <param name="architecture">coarse16 or unet16.</param>
    /// <param name="dimensions">2 or 3.</param>
    /// <param name="tensors">Every parameter, by name, with its shape.</param>
    /// <param name="source">Where the weights come from (a checkpoint's path), for error messages.</param>
    /// <exception cref="PhysML.Core.Errors.PhysMLException">PML0502 naming <paramref name="source"/> and the first
    /// missing, extra or misshapen tensor, or an architecture without Vulkan kernels.</exception>
    public DirectionNetworkWeights(string architecture, int dimensions,
        IReadOnlyDictionary<string, (float[] Values, long[] Shape)> tensors, string source)
    {
        if (!DirectionNetworkArchitecture.IsKnown(architecture))
            throw ModelCheckpoint.Incompatible(source, $"architecture '{architecture}' has no Vulkan network kernels " +
                $"(they run {string.Join(", ", DirectionNetworkArchitecture.Names)}; mg-learned runs as a Vulkan V-cycle)");
        if (dimensions is not (2 or 3))
            throw ModelCheckpoint.Incompatible(source, $"dimensions {dimensions}: a direction network is 2D or 3D");
        Architecture = architecture;
        Dimensions = dimensions;
        Source = source;
        _tensors = new Dictionary<string, float[]>();
        var layers = DirectionNetworkArchitecture.Layers(architecture);
        foreach (var layer in layers)
        {
            Take(layer.WeightName, layer.WeightShape(dimensions));
            Take(layer.BiasName, [layer.OutputChannels]);
        }
        var extra = tensors.Keys.Where(name => !_tensors.ContainsKey(name)).ToArray();
        if (extra.Length > 0)
            throw ModelCheckpoint.Incompatible(source, $"tensor(s) {string.Join(", ", extra)} are not part of {architecture}");

        void Take(string name, long[] shape)
        {
            if (!tensors.TryGetValue(name, out var tensor))
                throw ModelCheckpoint.Incompatible(source, $"tensor '{name}' of {architecture} is missing");
            if (!tensor.Shape.SequenceEqual(shape))
                throw ModelCheckpoint.Incompatible(source, $"tensor '{name}' has shape [{string.Join(", ", tensor.Shape)}], " +
                                                          $"{architecture} {dimensions}D needs [{string.Join(", ", shape)}]");
            var length = shape.Aggregate(1L, (a, b) => a * b);
            if (tensor.Values.Length != length)
                throw ModelCheckpoint.Incompatible(source, $"tensor '{name}' holds {tensor.Values.Length} values for shape [{string.Join(", ", shape)}]");
            _tensors[name] = tensor.Values;
        }
    }

    public string Architecture { get; }

    public int Dimensions { get; }

    public string Source { get; }

    /// <summary>Reads a checkpoint without libtorch (PML0501 for a broken file, PML0502 for one of another kind,
    /// architecture or dimensionality than <paramref name="dimensions"/>).</summary>
    public static (DirectionNetworkWeights Weights, CheckpointMetadata Metadata) Load(string path, int? dimensions = null)
    {
        var (metadata, values) = ModelCheckpoint.Read(path);
        if (metadata.Kind != CheckpointKind)
            throw ModelCheckpoint.Incompatible(path, $"it holds a '{metadata.Kind}' model, not a '{CheckpointKind}' one");
        if (dimensions is { } d && metadata.Dimensions != d)
            throw ModelCheckpoint.Incompatible(path, $"it is a {metadata.Dimensions}D model and the system is {d}D");
        var tensors = new Dictionary<string, (float[], long[])>();
        for (var t = 0; t < values.Length; t++)
        {
            var entry = metadata.Tensors[t];
            if (!tensors.TryAdd(entry.Name, (values[t], entry.Shape)))
                throw ModelCheckpoint.Incompatible(path, $"tensor '{entry.Name}' is listed twice");
        }
        return (new DirectionNetworkWeights(metadata.Architecture, metadata.Dimensions, tensors, path), metadata);
    }

    internal float[] Values(string name) => _tensors[name];
}
