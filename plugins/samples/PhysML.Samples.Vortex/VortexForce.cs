using PhysML.Core.Validation;

namespace PhysML.Samples.Vortex;

/// <summary>
/// A swirling force field centred at (<see cref="X"/>, <see cref="Y"/>) m (scene name <c>vortexForce</c>): a purely
/// tangential acceleration a(r) = strength·(r/R)·exp((1 − r²/R²)/2), counter-clockwise for a positive strength, which
/// peaks at r = R (<see cref="Radius"/>) with <see cref="Strength"/> m/s² and fades beyond. A tangential field whose
/// size depends on r alone is divergence-free, so the projection keeps it whole.
/// </summary>
public readonly record struct VortexForce : IValidatable
{
    public VortexForce() { }

    /// <summary>Centre, m.</summary>
    public double X { get; init; } = 0.5;
    /// <summary>Centre, m.</summary>
    public double Y { get; init; } = 0.5;
    /// <summary>Radius of the strongest swirl, m.</summary>
    public double Radius { get; init; } = 0.1;
    /// <summary>Peak tangential acceleration, m/s² (negative: clockwise).</summary>
    public double Strength { get; init; } = 1;

    /// <summary>The acceleration at (x, y), m/s².</summary>
    public (double Ax, double Ay) At(double x, double y)
    {
        var (dx, dy) = (x - X, y - Y);
        var r2 = dx * dx + dy * dy;
        var r2OverR2 = r2 / (Radius * Radius);
        // a(r)/r, so that (−dy, dx)·a(r)/r is the tangential vector of length a(r).
        var aOverR = Strength / Radius * Math.Exp(0.5 * (1 - r2OverR2));
        return (-dy * aOverR, dx * aOverR);
    }

    public IEnumerable<FieldError> Validate() =>
        Check.Finite("x", X).Concat(Check.Finite("y", Y)).Concat(Check.Positive("radius", Radius)).Concat(Check.Finite("strength", Strength));
}
