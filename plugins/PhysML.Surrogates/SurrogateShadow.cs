using PhysML.Core.Application;
using PhysML.Core.Validation;

namespace PhysML.Surrogates;

/// <summary>
/// Runs a trained constrained surrogate beside the scene's reference PDE solver (scene name <c>surrogateShadow</c>):
/// the model predicts the whole trajectory from the initial field, and every frame compares it with the solver.
/// </summary>
[ReadAtStartup]
public readonly record struct SurrogateShadow : IValidatable
{
    public SurrogateShadow() { }

    /// <summary>The surrogate checkpoint (from <c>physml train surrogate</c>), relative to the scene file.</summary>
    public string Model { get; init; } = "";

    /// <summary>Seeds the collocation points of the constraint solve.</summary>
    public int PointSeed { get; init; } = 1;

    public IEnumerable<FieldError> Validate() =>
        string.IsNullOrWhiteSpace(Model) ? [new FieldError("model", "must name a surrogate checkpoint (e.g. ../models/surrogate-diffusion-sorption-moe.ckpt)")] : [];
}
