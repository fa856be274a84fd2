using PhysML.Core.Validation;

namespace PhysML.Fluids;

/// <summary>The initial velocity of a fluid domain.</summary>
public readonly record struct InitialFlow : IValidatable
{
    public InitialFlow() { }

    public InitialFlowKind Kind { get; init; } = InitialFlowKind.Rest;

    /// <summary>m/s: the uniform speed, or the Taylor–Green amplitude U.</summary>
    public double Speed { get; init; }

    public IEnumerable<FieldError> Validate() => Check.Finite("speed", Speed);
}
