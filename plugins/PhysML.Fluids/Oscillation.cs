using PhysML.Core.Validation;

namespace PhysML.Fluids;

/// <summary>
/// A sinusoidal path added to an obstacle's motion: offset A·sin(2πft) with amplitudes (m) along x and y and
/// frequency f (Hz) — a stirring paddle, a flapping plate; and z in 3D domains. Zero amplitudes (the default) mean no
/// oscillation.
/// </summary>
public readonly record struct Oscillation : IValidatable
{
    public Oscillation() { }

    public double AmplitudeX { get; init; }
    public double AmplitudeY { get; init; }
    /// <summary>m; 3D domains only.</summary>
    public double AmplitudeZ { get; init; }
    public double Frequency { get; init; } = 1;

    public bool IsActive => AmplitudeX != 0 || AmplitudeY != 0 || AmplitudeZ != 0;

    public IEnumerable<FieldError> Validate() =>
        Check.Finite("amplitudeX", AmplitudeX).Concat(Check.Finite("amplitudeY", AmplitudeY)).Concat(Check.Finite("amplitudeZ", AmplitudeZ))
            .Concat(Check.Positive("frequency", Frequency));
}
