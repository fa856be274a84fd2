using PhysML.Core.Application;
using PhysML.Core.Validation;

namespace PhysML.Fluids.ThreeD;

/// <summary>A solid ball in a 3D domain, centre (X, Y, Z) and radius in m (the 3D <see cref="DiskObstacle"/>), static
/// or moving like the other obstacles. A cell is solid when its centre lies inside (a staircase).</summary>
[ReadAtStartup]
public readonly record struct SphereObstacle : IValidatable
{
    public SphereObstacle() { }

    public double X { get; init; }
    public double Y { get; init; }
    public double Z { get; init; }
    public double Radius { get; init; } = 0.05;

    /// <summary>Constant velocity, m/s (0: static).</summary>
    public double VelocityX { get; init; }
    public double VelocityY { get; init; }
    public double VelocityZ { get; init; }
    /// <summary>A sinusoidal path on top of the constant velocity.</summary>
    public Oscillation Oscillation { get; init; } = new();
    /// <summary>Keyframes of the centre (instead of a velocity and oscillation).</summary>
    public Keyframe[] Path { get; init; } = [];

    public ObstacleMotion Motion => new(VelocityX, VelocityY, VelocityZ, Oscillation, Path, (X, Y, Z));

    public bool Contains(double x, double y, double z) =>
        (x - X) * (x - X) + (y - Y) * (y - Y) + (z - Z) * (z - Z) <= Radius * Radius;

    public IEnumerable<FieldError> Validate() =>
        Check.Finite("x", X).Concat(Check.Finite("y", Y)).Concat(Check.Finite("z", Z)).Concat(Check.Positive("radius", Radius))
            .Concat(ObstacleMotion.Problems(VelocityX, VelocityY, VelocityZ, Oscillation, Path));
}
