using PhysML.Core.Application;
using PhysML.Core.Validation;
using PhysML.Solvers.Learned;

namespace PhysML.Surrogates;

/// <summary>
/// Runs a trained constrained surrogate on the scene's reference PDE solver's region (scene name <c>surrogateShadow</c>):
/// in <see cref="SurrogateMode.Shadow"/> beside the solver, in <see cref="SurrogateMode.Replace"/> in its place
/// (autoregressive over prediction windows), optionally fine-tuned online on windows of the running solver.
/// </summary>
[ReadAtStartup]
public readonly record struct SurrogateShadow : IValidatable
{
    public SurrogateShadow() { }

    /// <summary>The surrogate checkpoint (from <c>physml train surrogate</c>), relative to the scene file.</summary>
    public string Model { get; init; } = "";

    /// <summary>Seeds the collocation points of the constraint solve.</summary>
    public int PointSeed { get; init; } = 1;

    public SurrogateMode Mode { get; init; } = SurrogateMode.Shadow;

    /// <summary>Fine-tuning from the running solver (<c>online: true</c>); windows of the reference are the samples.</summary>
    public OnlineTrainingSettings? Train { get; init; }

    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Model))
            yield return new FieldError("model", "must name a surrogate checkpoint (e.g. ../models/surrogate-diffusion-sorption-moe.ckpt)");
        if (!Enum.IsDefined(Mode)) yield return new FieldError("mode", "must be shadow or replace");
        foreach (var (field, message) in Train?.Problems() ?? []) yield return new FieldError($"train.{field}", message);
    }
}
