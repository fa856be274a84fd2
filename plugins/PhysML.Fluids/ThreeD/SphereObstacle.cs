using PhysML.Core.Application;
using PhysML.Core.Validation;

namespace PhysML.Fluids.ThreeD;

/// <summary>A static solid ball in a 3D domain, centre (X, Y, Z) and radius in m (the 3D <see cref="DiskObstacle"/>).
/// A cell is solid when its centre lies inside (a staircase; see <see cref="ObstacleCells3D"/>).</summary>
[ReadAtStartup]
public readonly record struct SphereObstacle : IValidatable
{
    public SphereObstacle() { }

    public double X { get; init; }
    public double Y { get; init; }
    public double Z { get; init; }
    public double Radius { get; init; } = 0.05;

    public bool Contains(double x, double y, double z) =>
        (x - X) * (x - X) + (y - Y) * (y - Y) + (z - Z) * (z - Z) <= Radius * Radius;

    public IEnumerable<FieldError> Validate() =>
        Check.Finite("x", X).Concat(Check.Finite("y", Y)).Concat(Check.Finite("z", Z)).Concat(Check.Positive("radius", Radius));
}
