using PhysML.Core.Validation;

namespace PhysML.Fluids.ThreeD;

/// <summary>
/// A ball that injects smoke into a 3D domain (the 3D <see cref="SmokeEmitter"/>): every fluid cell whose centre
/// lies inside gains <see cref="DensityRate"/> density per second, is heated to at least <see cref="Temperature"/> K
/// (when > 0), and, when <see cref="VelocityY"/> is non-zero, has its two y-faces set to that vertical velocity (a jet).
/// </summary>
public readonly record struct SmokeEmitter3D : IValidatable
{
    public SmokeEmitter3D() { }

    /// <summary>Centre, m.</summary>
    public double X { get; init; }
    public double Y { get; init; }
    public double Z { get; init; }
    /// <summary>m.</summary>
    public double Radius { get; init; } = 0.05;
    /// <summary>Density units per second.</summary>
    public double DensityRate { get; init; } = 1;
    /// <summary>K; 0 leaves temperature alone.</summary>
    public double Temperature { get; init; }
    /// <summary>Vertical jet speed, m/s; 0 = no jet.</summary>
    public double VelocityY { get; init; }

    public bool Contains(double x, double y, double z) =>
        (x - X) * (x - X) + (y - Y) * (y - Y) + (z - Z) * (z - Z) <= Radius * Radius;

    public IEnumerable<FieldError> Validate() =>
        Check.Finite("x", X).Concat(Check.Finite("y", Y)).Concat(Check.Finite("z", Z))
            .Concat(Check.Positive("radius", Radius)).Concat(Check.NonNegative("densityRate", DensityRate))
            .Concat(Check.NonNegative("temperature", Temperature)).Concat(Check.Finite("velocityY", VelocityY));
}
