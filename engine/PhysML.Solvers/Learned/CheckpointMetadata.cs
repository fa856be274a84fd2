namespace PhysML.Solvers.Learned;

/// <summary>
/// What a model checkpoint says about itself: enough to refuse the wrong file before using it, and to reproduce it.
/// Stored as the JSON header of a <see cref="ModelCheckpoint"/>.
/// </summary>
public sealed record CheckpointMetadata
{
    /// <summary>The file format; a reader refuses versions it does not know.</summary>
    public int Format { get; init; } = ModelCheckpoint.FormatVersion;

    /// <summary>What the model is for, e.g. <c>search-direction</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The architecture name the engine builds the network from, e.g. <c>coarse16</c>.</summary>
    public required string Architecture { get; init; }

    /// <summary>2 or 3.</summary>
    public required int Dimensions { get; init; }

    /// <summary>Counts the versions this model went through (online training increments it).</summary>
    public int ModelVersion { get; init; } = 1;

    /// <summary>Where the training systems came from: scene files and generator descriptions.</summary>
    public IReadOnlyList<string> TrainingSources { get; init; } = [];

    public long Samples { get; init; }

    public int Steps { get; init; }

    public double? FinalLoss { get; init; }

    /// <summary>The command line that produced it, so it can be reproduced.</summary>
    public string? Command { get; init; }

    public DateTimeOffset? Created { get; init; }

    /// <summary>Model-specific configuration as JSON (e.g. a surrogate's problem and layer settings); null when the
    /// architecture name says everything.</summary>
    public string? Configuration { get; init; }

    /// <summary>Name and shape of each stored tensor, in file order.</summary>
    public IReadOnlyList<CheckpointTensor> Tensors { get; init; } = [];

    /// <summary>SHA-256 (hex) of the weight bytes; set by <see cref="ModelCheckpoint.Write"/>, checked on read.</summary>
    public string? ContentSha256 { get; init; }
}

/// <summary>One named float32 tensor in a checkpoint.</summary>
public sealed record CheckpointTensor(string Name, long[] Shape)
{
    public long Length => Shape.Aggregate(1L, (a, b) => a * b);
}
