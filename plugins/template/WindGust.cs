using PhysML.Core.Validation;

namespace MyGame.Wind;

/// <summary>A gusting wind (scene name <c>windGust</c>): speed(t) = baseSpeed + amplitude·sin(2πt/period), m/s.</summary>
public readonly record struct WindGust : IValidatable
{
    public WindGust() { }

    /// <summary>m/s.</summary>
    public double BaseSpeed { get; init; } = 5;

    /// <summary>m/s.</summary>
    public double Amplitude { get; init; } = 2;

    /// <summary>s.</summary>
    public double Period { get; init; } = 4;

    public IEnumerable<FieldError> Validate() =>
        Check.Finite("baseSpeed", BaseSpeed).Concat(Check.Finite("amplitude", Amplitude)).Concat(Check.Positive("period", Period));

    public double SpeedAt(double time) => BaseSpeed + Amplitude * Math.Sin(2 * Math.PI * time / Period);
}
