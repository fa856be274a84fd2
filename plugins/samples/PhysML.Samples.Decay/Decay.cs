using PhysML.Core.Validation;

namespace PhysML.Samples.Decay;

/// <summary>A quantity that decays exponentially, dq/dt = −rate·q (scene name <c>decay</c>): a radioactive
/// inventory, a cooling offset, a fading smell.</summary>
public readonly record struct Decay : IValidatable
{
    public Decay() { }

    /// <summary>The quantity now (any unit).</summary>
    public double Value { get; init; } = 1;

    /// <summary>The decay rate, 1/s.</summary>
    public double Rate { get; init; } = 1;

    public IEnumerable<FieldError> Validate() => Check.Finite("value", Value).Concat(Check.NonNegative("rate", Rate));
}
