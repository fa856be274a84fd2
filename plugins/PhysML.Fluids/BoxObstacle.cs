using PhysML.Core.Application;
using PhysML.Core.Validation;

namespace PhysML.Fluids;

/// <summary>A solid rectangle (scene name <c>boxObstacle</c>): centre (X, Y), size Width × Height, in m; in a 3D domain
/// a box, with centre Z and size Depth along z. A cell is solid when its centre lies inside.</summary>
[ReadAtStartup]
public readonly record struct BoxObstacle : IValidatable
{
    public BoxObstacle() { }

    public double X { get; init; }
    public double Y { get; init; }
    /// <summary>m; 3D domains only.</summary>
    public double Z { get; init; }
    public double Width { get; init; } = 0.1;
    public double Height { get; init; } = 0.1;
    /// <summary>m; 3D domains only (a 2D box is a rectangle).</summary>
    public double Depth { get; init; } = 0.1;

    public bool Contains(double x, double y) => Math.Abs(x - X) <= Width / 2 && Math.Abs(y - Y) <= Height / 2;

    public bool Contains(double x, double y, double z) => Contains(x, y) && Math.Abs(z - Z) <= Depth / 2;

    /// <summary>Constant velocity, m/s (0: static). The obstacle moves through the domain and pushes the fluid.</summary>
    public double VelocityX { get; init; }
    public double VelocityY { get; init; }
    /// <summary>m/s; 3D domains only.</summary>
    public double VelocityZ { get; init; }
    /// <summary>A sinusoidal path on top of the constant velocity.</summary>
    public Oscillation Oscillation { get; init; } = new();
    /// <summary>Keyframes of the centre (instead of a velocity and oscillation).</summary>
    public Keyframe[] Path { get; init; } = [];

    public ObstacleMotion Motion => new(VelocityX, VelocityY, VelocityZ, Oscillation, Path, (X, Y, Z));

    public IEnumerable<FieldError> Validate() =>
        Check.Finite("x", X).Concat(Check.Finite("y", Y)).Concat(Check.Finite("z", Z))
            .Concat(ObstacleMotion.Problems(VelocityX, VelocityY, VelocityZ, Oscillation, Path))
            .Concat(Check.Positive("width", Width)).Concat(Check.Positive("height", Height)).Concat(Check.Positive("depth", Depth));
}
