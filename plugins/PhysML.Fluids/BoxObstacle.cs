using PhysML.Core.Application;
using PhysML.Core.Validation;

namespace PhysML.Fluids;

/// <summary>A static solid rectangle (scene name <c>boxObstacle</c>): centre (X, Y), size Width × Height, in m.
/// A cell is solid when its centre lies inside.</summary>
[ReadAtStartup]
public readonly record struct BoxObstacle : IValidatable
{
    public BoxObstacle() { }

    public double X { get; init; }
    public double Y { get; init; }
    public double Width { get; init; } = 0.1;
    public double Height { get; init; } = 0.1;

    public bool Contains(double x, double y) => Math.Abs(x - X) <= Width / 2 && Math.Abs(y - Y) <= Height / 2;

    /// <summary>Constant velocity, m/s (0: static). The obstacle moves through the domain and pushes the fluid.</summary>
    public double VelocityX { get; init; }
    public double VelocityY { get; init; }
    /// <summary>A sinusoidal path on top of the constant velocity.</summary>
    public Oscillation Oscillation { get; init; } = new();

    public IEnumerable<FieldError> Validate() =>
        Check.Finite("x", X).Concat(Check.Finite("y", Y)).Concat(Check.Finite("velocityX", VelocityX)).Concat(Check.Finite("velocityY", VelocityY)).Concat(Check.Nested("oscillation", Oscillation)).Concat(Check.Positive("width", Width)).Concat(Check.Positive("height", Height));
}
