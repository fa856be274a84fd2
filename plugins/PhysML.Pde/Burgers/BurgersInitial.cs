using PhysML.Core.Validation;

namespace PhysML.Pde;

/// <summary>The initial velocity of a Burgers domain (m/s); see <see cref="BurgersInitialKind"/>.</summary>
public readonly record struct BurgersInitial : IValidatable
{
    public BurgersInitial() { }

    public BurgersInitialKind Kind { get; init; } = BurgersInitialKind.ColeHopf;
    /// <summary>Sine: the velocity amplitude, m/s. Cole–Hopf: the dimensionless a in φ = 1 + a·…, in [0, 1).</summary>
    public double Amplitude { get; init; } = 0.5;
    /// <summary>Wavelengths across the periodic domain.</summary>
    public int Mode { get; init; } = 1;

    public bool IsColeHopf => Kind is BurgersInitialKind.ColeHopf or BurgersInitialKind.ColeHopfX;

    public IEnumerable<FieldError> Validate() =>
        Check.Finite("amplitude", Amplitude)
            .Concat(IsColeHopf && !(Amplitude >= 0 && Amplitude < 1)
                ? [new FieldError("amplitude", $"must be in [0, 1) for a Cole–Hopf kind (φ = 1 + a·cos… must stay positive), got {Amplitude}")]
                : [])
            .Concat(Check.InRange("mode", Mode, 1, 1024));
}
