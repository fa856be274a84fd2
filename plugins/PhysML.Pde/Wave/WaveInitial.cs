using PhysML.Core.Validation;

namespace PhysML.Pde;

/// <summary>The membrane's initial displacement (m); the initial velocity is zero.</summary>
public readonly record struct WaveInitial : IValidatable
{
    public WaveInitial() { }

    public WaveInitialKind Kind { get; init; } = WaveInitialKind.SineMode;
    /// <summary>Peak displacement, m.</summary>
    public double Amplitude { get; init; } = 1;
    public int ModeX { get; init; } = 1;
    public int ModeY { get; init; } = 1;
    /// <summary>Pulse centre, m.</summary>
    public double X { get; init; } = 0.5;
    public double Y { get; init; } = 0.5;
    /// <summary>Pulse width σ (standard deviation), m.</summary>
    public double Radius { get; init; } = 0.05;

    public double At(double x, double y, double width, double height)
    {
        if (Kind == WaveInitialKind.SineMode)
            return Amplitude * Math.Sin(ModeX * Math.PI * x / width) * Math.Sin(ModeY * Math.PI * y / height);
        var r2 = (x - X) * (x - X) + (y - Y) * (y - Y);
        return Amplitude * Math.Exp(-r2 / (2 * Radius * Radius));
    }

    public IEnumerable<FieldError> Validate() =>
        Check.Finite("amplitude", Amplitude)
            .Concat(Check.InRange("modeX", ModeX, 1, 4096))
            .Concat(Check.InRange("modeY", ModeY, 1, 4096))
            .Concat(Check.Finite("x", X))
            .Concat(Check.Finite("y", Y))
            .Concat(Check.Positive("radius", Radius));
}
