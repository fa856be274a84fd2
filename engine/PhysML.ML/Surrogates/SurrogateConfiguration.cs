using System.Text.Json;
using System.Text.Json.Serialization;

namespace PhysML.ML.Surrogates;

/// <summary>
/// Everything needed to rebuild a surrogate besides its weights: the problem (exactly one of the parameter records)
/// and the settings. Stored as the checkpoint's <c>configuration</c> JSON.
/// </summary>
public sealed record SurrogateConfiguration(SurrogateSettings Settings, DiffusionSorptionParameters? DiffusionSorption, VorticityParameters? Vorticity)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static SurrogateConfiguration Of(ISurrogateProblem problem, SurrogateSettings settings) => problem switch
    {
        DiffusionSorptionProblem d => new(settings, d.Parameters, null),
        VorticityProblem v => new(settings, null, v.Parameters),
        _ => throw new ArgumentException($"unknown problem type {problem.GetType().Name}", nameof(problem)),
    };

    /// <summary>The problem this configuration describes; null when it names none.</summary>
    public ISurrogateProblem? Problem() =>
        DiffusionSorption is { } d ? new DiffusionSorptionProblem(d) : Vorticity is { } v ? new VorticityProblem(v) : null;
}
