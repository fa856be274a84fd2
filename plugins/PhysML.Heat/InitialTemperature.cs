using PhysML.Core.Validation;

namespace PhysML.Heat;

/// <summary>The initial temperature field (K).</summary>
public readonly record struct InitialTemperature : IValidatable
{
    public InitialTemperature() { }

    public InitialKind Kind { get; init; } = InitialKind.Uniform;
    public double Value { get; init; }
    public double Amplitude { get; init; } = 1;
    public int ModeX { get; init; } = 1;
    public int ModeY { get; init; } = 1;

    public double At(double x, double y, double width, double height) => Kind switch
    {
        InitialKind.SineMode => Value + Amplitude * Math.Sin(ModeX * Math.PI * x / width) * Math.Sin(ModeY * Math.PI * y / height),
        _ => Value,
    };

    public IEnumerable<FieldError> Validate() =>
        Check.Finite("value", Value)
            .Concat(Check.Finite("amplitude", Amplitude))
            .Concat(Check.InRange("modeX", ModeX, 1, 1024))
            .Concat(Check.InRange("modeY", ModeY, 1, 1024));
}
