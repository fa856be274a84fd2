using PhysML.Core.Validation;

namespace PhysML.Fluids;

/// <summary>
/// A disc that injects smoke (scene name <c>smokeEmitter</c>): every cell whose centre lies inside gains
/// <see cref="DensityRate"/> density per second, is heated to at least <see cref="Temperature"/> K (when > 0), and,
/// when <see cref="VelocityX"/> or <see cref="VelocityY"/> is non-zero, has its faces set to that velocity (a jet).
/// </summary>
public readonly record struct SmokeEmitter : IValidatable
{
    public SmokeEmitter() { }

    /// <summary>Centre, m.</summary>
    public double X { get; init; }
    public double Y { get; init; }
    /// <summary>Centre along z, m (3D domains only; the disc is then a ball).</summary>
    public double Z { get; init; }
    /// <summary>m.</summary>
    public double Radius { get; init; } = 0.05;
    /// <summary>Density units per second.</summary>
    public double DensityRate { get; init; } = 1;
    /// <summary>K; 0 leaves temperature alone.</summary>
    public double Temperature { get; init; }
    /// <summary>m/s.</summary>
    public double VelocityX { get; init; }
    public double VelocityY { get; init; }

    public IEnumerable<FieldError> Validate() =>
        Check.Finite("x", X).Concat(Check.Finite("y", Y)).Concat(Check.Finite("z", Z)).Concat(Check.Positive("radius", Radius))
            .Concat(Check.NonNegative("densityRate", DensityRate)).Concat(Check.NonNegative("temperature", Temperature))
            .Concat(Check.Finite("velocityX", VelocityX)).Concat(Check.Finite("velocityY", VelocityY));
}
