using PhysML.Core.Validation;

namespace PhysML.Heat;

/// <summary>
/// A disc that heats (or, with a negative rate, cools) the plate at <see cref="Rate"/> K/s (scene name
/// <c>heatSource</c>). Centre and radius in m; a cell is heated when its centre lies in the disc.
/// </summary>
public readonly record struct HeatSource : IValidatable
{
    public HeatSource() { }

    public double X { get; init; }
    public double Y { get; init; }
    public double Radius { get; init; } = 0.05;
    public double Rate { get; init; } = 1;

    public IEnumerable<FieldError> Validate() =>
        Check.Finite("x", X)
            .Concat(Check.Finite("y", Y))
            .Concat(Check.Positive("radius", Radius))
            .Concat(Check.Finite("rate", Rate));
}
