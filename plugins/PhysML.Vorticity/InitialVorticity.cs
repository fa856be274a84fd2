using PhysML.Core.Validation;

namespace PhysML.Vorticity;

/// <summary>The initial vorticity ω(x, y, 0), 1/s (scene field <c>vorticityDomain.initial</c>).</summary>
public readonly record struct InitialVorticity : IValidatable
{
    public InitialVorticity() { }

    public InitialVorticityKind Kind { get; init; } = InitialVorticityKind.GaussianRandomField;

    /// <summary>Smoothness exponent α of the random field's covariance (−Δ + τ²)^(−α); FNO uses 2.5.</summary>
    public double Alpha { get; init; } = 2.5;

    /// <summary>Inverse length scale τ of the random field's covariance, 1/m on the unit square; FNO uses 7.</summary>
    public double Tau { get; init; } = 7;

    /// <summary>
    /// For the random field, a factor on FNO's σ = τ^(α − 1) (1 reproduces FNO's data); for the modes, the vorticity
    /// amplitude in 1/s.
    /// </summary>
    public double Amplitude { get; init; } = 1;

    /// <summary>Wavenumber index along x of a Taylor–Green or single mode (cycles per domain length).</summary>
    public int ModeX { get; init; } = 1;

    /// <summary>Wavenumber index along y of a Taylor–Green or single mode (cycles per domain length).</summary>
    public int ModeY { get; init; } = 1;

    public IEnumerable<FieldError> Validate() =>
        Check.Positive("alpha", Alpha)
            .Concat(Check.NonNegative("tau", Tau))
            .Concat(Check.Finite("amplitude", Amplitude))
            .Concat(Check.InRange("modeX", ModeX, 0, 2048))
            .Concat(Check.InRange("modeY", ModeY, 0, 2048))
            .Concat(ModeErrors());

    private IEnumerable<FieldError> ModeErrors() => Kind switch
    {
        InitialVorticityKind.TaylorGreen when ModeX == 0 || ModeY == 0 =>
            [new FieldError(ModeX == 0 ? "modeX" : "modeY", "a Taylor–Green vortex needs modeX >= 1 and modeY >= 1 (sin(0) is 0 everywhere)")],
        InitialVorticityKind.SingleMode when ModeX == 0 && ModeY == 0 =>
            [new FieldError("modeX", "modeX and modeY are both 0: that is the mean, which is 0 for a periodic flow; pick a mode >= 1")],
        _ => [],
    };
}
