using System.Text.Json;
using PhysML.Core.Errors;
using PhysML.Solvers.Learned;
using static TorchSharp.torch;

namespace PhysML.ML.Surrogates;

/// <summary>
/// Saves and loads a <see cref="ConstrainedSurrogate"/> as a <see cref="ModelCheckpoint"/> (float32 weights, SHA-256,
/// written atomically) whose configuration JSON holds the problem and the settings. Every problem with the file is a
/// PML0902 naming the file and the cause (missing, not a checkpoint, truncated, hash mismatch, not a surrogate,
/// tensors that do not fit the configuration).
/// </summary>
public static class SurrogateCheckpoint
{
    public const string Kind = "constrained-surrogate";

    public static void Save(ConstrainedSurrogate model, string path, CheckpointMetadata metadata)
    {
        var state = model.state_dict();
        var tensors = state.Select(p => new CheckpointTensor(p.Key, p.Value.shape)).ToArray();
        var values = state.Select(p => p.Value.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray()).ToArray();
        ModelCheckpoint.Write(path, metadata with
        {
            Kind = Kind,
            Architecture = Architecture(model.Problem, model.Settings),
            Dimensions = model.Problem.Grid.SpatialDimensions,
            Configuration = JsonSerializer.Serialize(SurrogateConfiguration.Of(model.Problem, model.Settings), SurrogateConfiguration.Json),
            Tensors = tensors,
        }, values);
    }

    /// <summary>e.g. <c>fno-moe4-diffusion-sorption</c>: method, experts and problem at a glance.</summary>
    public static string Architecture(ISurrogateProblem problem, SurrogateSettings settings) =>
        $"fno-{settings.Method.ToString().ToLowerInvariant()}{(settings.Method == SurrogateMethod.Moe ? settings.Experts : "")}-{problem.Name}";

    public static (ConstrainedSurrogate Model, CheckpointMetadata Metadata) Load(string path)
    {
        if (!File.Exists(path)) throw Invalid(path, "the file does not exist (train one with `physml train surrogate`)");
        CheckpointMetadata metadata;
        float[][] values;
        try
        {
            (metadata, values) = ModelCheckpoint.Read(path);
        }
        catch (PhysMLException e) when (e.Code == ErrorCodes.CheckpointInvalid)
        {
            throw new PhysMLException(ErrorCodes.SurrogateCheckpointInvalid, ErrorCategory.BadInput, e.Message, e);
        }
        if (metadata.Kind != Kind) throw Invalid(path, $"it holds a '{metadata.Kind}' model, not a '{Kind}'");
        SurrogateConfiguration? configuration;
        try
        {
            configuration = metadata.Configuration is { } json ? JsonSerializer.Deserialize<SurrogateConfiguration>(json, SurrogateConfiguration.Json) : null;
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"its configuration is not valid JSON ({e.Message})");
        }
        if (configuration?.Problem() is not { } problem) throw Invalid(path, "its configuration names no problem");
        var model = new ConstrainedSurrogate(problem, configuration.Settings);
        var state = model.state_dict();
        var stored = metadata.Tensors.Select((t, i) => (t, i)).ToDictionary(p => p.t.Name, p => p);
        if (stored.Count != state.Count) throw Invalid(path, $"it has {stored.Count} tensors, the configured model has {state.Count}");
        using (no_grad())
        {
            foreach (var (name, parameter) in state)
            {
                if (!stored.TryGetValue(name, out var entry)) throw Invalid(path, $"tensor '{name}' is missing");
                if (!entry.t.Shape.SequenceEqual(parameter.shape))
                    throw Invalid(path, $"tensor '{name}' has shape [{string.Join(", ", entry.t.Shape)}], the configured model needs [{string.Join(", ", parameter.shape)}]");
                parameter.copy_(tensor(values[entry.i], parameter.shape));
            }
        }
        return (model, metadata);
    }

    private static PhysMLException Invalid(string path, string problem) =>
        new(ErrorCodes.SurrogateCheckpointInvalid, ErrorCategory.BadInput, $"surrogate checkpoint {path} cannot be used: {problem}");
}
