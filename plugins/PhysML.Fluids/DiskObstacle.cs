using PhysML.Core.Application;
using PhysML.Core.Validation;

namespace PhysML.Fluids;

/// <summary>A solid disc (scene name <c>diskObstacle</c>, 2D), centre (X, Y) and radius in m — a cylinder in 2D.
/// A cell is solid when its centre lies inside.</summary>
[ReadAtStartup]
public readonly record struct DiskObstacle : IValidatable
{
    public DiskObstacle() { }

    public double X { get; init; }
    public double Y { get; init; }
    public double Radius { get; init; } = 0.05;

    public bool Contains(double x, double y) => (x - X) * (x - X) + (y - Y) * (y - Y) <= Radius * Radius;

    /// <summary>Constant velocity, m/s (0: static). The obstacle moves through the domain and pushes the fluid.</summary>
    public double VelocityX { get; init; }
    public double VelocityY { get; init; }
    /// <summary>A sinusoidal path on top of the constant velocity.</summary>
    public Oscillation Oscillation { get; init; } = new();
    /// <summary>Keyframes of the centre (instead of a velocity and oscillation).</summary>
    public Keyframe[] Path { get; init; } = [];

    public ObstacleMotion Motion => new(VelocityX, VelocityY, 0, Oscillation, Path, (X, Y, 0));

    public IEnumerable<FieldError> Validate() =>
        Check.Finite("x", X).Concat(Check.Finite("y", Y))
            .Concat(ObstacleMotion.Problems(VelocityX, VelocityY, 0, Oscillation, Path)).Concat(Check.Positive("radius", Radius));
}
