using PhysML.Core.Validation;

namespace PhysML.Fluids;

/// <summary>
/// A user force (scene name <c>fan</c>): inside a disc of <see cref="Radius"/> m around (<see cref="X"/>,
/// <see cref="Y"/>), the fluid is accelerated by (<see cref="AccelerationX"/>, <see cref="AccelerationY"/>) m/s² —
/// a fan, a jet engine's thrust region, a stirring paddle. Face velocities whose position lies in the disc receive it.
/// In a 3D domain the region is the ball around (X, Y, <see cref="Z"/>) and <see cref="AccelerationZ"/> acts too.
/// </summary>
public readonly record struct Fan : IValidatable
{
    public Fan() { }

    public double X { get; init; }
    public double Y { get; init; }
    /// <summary>m; 3D domains only (the region is then a ball).</summary>
    public double Z { get; init; }
    public double Radius { get; init; } = 0.05;
    public double AccelerationX { get; init; }
    public double AccelerationY { get; init; }
    /// <summary>m/s²; 3D domains only.</summary>
    public double AccelerationZ { get; init; }

    public bool Contains(double x, double y) => (x - X) * (x - X) + (y - Y) * (y - Y) <= Radius * Radius;

    public bool Contains3D(double x, double y, double z) => (x - X) * (x - X) + (y - Y) * (y - Y) + (z - Z) * (z - Z) <= Radius * Radius;

    public IEnumerable<FieldError> Validate() =>
        Check.Finite("x", X).Concat(Check.Finite("y", Y)).Concat(Check.Finite("z", Z)).Concat(Check.Positive("radius", Radius))
            .Concat(Check.Finite("accelerationX", AccelerationX)).Concat(Check.Finite("accelerationY", AccelerationY))
            .Concat(Check.Finite("accelerationZ", AccelerationZ));
}
