using PhysML.Core.Validation;

namespace PhysML.Pde;

/// <summary>A point source of −∇²u = f at (x, y), m, with strength q = ∫f dA (u's unit·m²).</summary>
public readonly record struct PointCharge : IValidatable
{
    public PointCharge() { }

    public double X { get; init; }
    public double Y { get; init; }
    public double Charge { get; init; } = 1;

    public IEnumerable<FieldError> Validate() =>
        Check.Finite("x", X).Concat(Check.Finite("y", Y)).Concat(Check.Finite("charge", Charge));
}
