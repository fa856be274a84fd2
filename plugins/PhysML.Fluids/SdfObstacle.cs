using PhysML.Core.Application;
using PhysML.Core.Validation;

namespace PhysML.Fluids;

/// <summary>
/// An obstacle given by a signed distance function (scene name <c>sdfObstacle</c>): negative inside, zero on the
/// surface, positive outside, in metres (Inigo Quilez's distance functions). A cell is solid when the distance at
/// its centre is negative (staircased, like boxes and disks); it may move like the other obstacles. In a 3D domain
/// the shapes take their z extent: a capsule between two points in space, a rounded box with half-depth
/// <see cref="HalfDepth"/> (rotated by <see cref="Angle"/> about z), a ring becomes a torus about the z axis through
/// its centre (its 2D section in the plane z = <see cref="Z"/> is the 2D ring).
/// </summary>
[ReadAtStartup]
public readonly record struct SdfObstacle : IValidatable
{
    public SdfObstacle() { }

    public SdfShape Shape { get; init; } = SdfShape.Capsule;
    /// <summary>Centre, or the capsule's first end, m.</summary>
    public double X { get; init; }
    public double Y { get; init; }
    /// <summary>m; 3D domains only.</summary>
    public double Z { get; init; }
    /// <summary>The capsule's second end, m.</summary>
    public double X2 { get; init; }
    public double Y2 { get; init; }
    /// <summary>m; 3D domains only.</summary>
    public double Z2 { get; init; }
    public double HalfWidth { get; init; } = 0.1;
    public double HalfHeight { get; init; } = 0.05;
    /// <summary>Half-size of a rounded box along z, m; 3D domains only.</summary>
    public double HalfDepth { get; init; } = 0.05;
    /// <summary>Rotation of the rounded box, rad (counter-clockwise, about z).</summary>
    public double Angle { get; init; }
    /// <summary>Capsule radius, rounded-box corner radius, or ring radius, m.</summary>
    public double Radius { get; init; } = 0.02;
    /// <summary>Ring wall thickness, m.</summary>
    public double Thickness { get; init; } = 0.02;
    public double VelocityX { get; init; }
    public double VelocityY { get; init; }
    /// <summary>m/s; 3D domains only.</summary>
    public double VelocityZ { get; init; }
    /// <summary>A sinusoidal path on top of the constant velocity.</summary>
    public Oscillation Oscillation { get; init; } = new();
    /// <summary>Keyframes of the centre (the capsule's first end; the shape moves rigidly), instead of a velocity and
    /// oscillation.</summary>
    public Keyframe[] Path { get; init; } = [];

    public ObstacleMotion Motion => new(VelocityX, VelocityY, VelocityZ, Oscillation, Path, (X, Y, Z));

    /// <summary>Signed distance from (x, y) to the 2D shape, m.</summary>
    public double Distance(double x, double y) => Distance(x, y, Z, double.PositiveInfinity);

    /// <summary>Signed distance from (x, y, z) to the 3D shape, m.</summary>
    public double Distance(double x, double y, double z) => Distance(x, y, z, HalfDepth);

    public bool Contains(double x, double y) => Distance(x, y) < 0;

    public bool Contains(double x, double y, double z) => Distance(x, y, z) < 0;

    // One formula per shape for 2D and 3D: the 2D shape is the 3D one's section at z = Z = Z2 (a rounded box with
    // infinite depth, so its z term never wins).
    private double Distance(double x, double y, double z, double halfDepth) => Shape switch
    {
        SdfShape.Capsule => CapsuleDistance(x, y, z),
        SdfShape.RoundedBox => RoundedBoxDistance(x, y, z, halfDepth),
        _ => Length(Math.Sqrt((x - X) * (x - X) + (y - Y) * (y - Y)) - Radius, z - Z, 0) - Thickness / 2,
    };

    private static double Length(double x, double y, double z) => Math.Sqrt(x * x + y * y + z * z);

    private double CapsuleDistance(double x, double y, double z)
    {
        var (px, py, pz, bx, by, bz) = (x - X, y - Y, z - Z, X2 - X, Y2 - Y, Z2 - Z);
        var length2 = bx * bx + by * by + bz * bz;
        var t = length2 > 0 ? Math.Clamp((px * bx + py * by + pz * bz) / length2, 0, 1) : 0;
        return Length(px - t * bx, py - t * by, pz - t * bz) - Radius;
    }

    private double RoundedBoxDistance(double x, double y, double z, double halfDepth)
    {
        // Into the box's frame, then the exact box distance of the shrunk box, minus the rounding radius.
        var (c, s) = (Math.Cos(Angle), Math.Sin(Angle));
        var (px, py) = (c * (x - X) + s * (y - Y), -s * (x - X) + c * (y - Y));
        var qx = Math.Abs(px) - (HalfWidth - Radius);
        var qy = Math.Abs(py) - (HalfHeight - Radius);
        var qz = Math.Abs(z - Z) - (halfDepth - Radius);
        var outside = Length(Math.Max(qx, 0), Math.Max(qy, 0), Math.Max(qz, 0));
        return outside + Math.Min(Math.Max(qx, Math.Max(qy, qz)), 0) - Radius;
    }

    public IEnumerable<FieldError> Validate()
    {
        foreach (var (name, value) in new[] { ("x", X), ("y", Y), ("z", Z), ("x2", X2), ("y2", Y2), ("z2", Z2), ("angle", Angle) })
            foreach (var e in Check.Finite(name, value)) yield return e;
        foreach (var e in Check.Positive("radius", Radius)) yield return e;
        foreach (var e in ObstacleMotion.Problems(VelocityX, VelocityY, VelocityZ, Oscillation, Path)) yield return e;
        if (Shape == SdfShape.RoundedBox)
        {
            foreach (var e in Check.Positive("halfWidth", HalfWidth).Concat(Check.Positive("halfHeight", HalfHeight))
                         .Concat(Check.Positive("halfDepth", HalfDepth))) yield return e;
            if (Radius > Math.Min(HalfWidth, HalfHeight))
                yield return new FieldError("radius", $"the corner radius must not exceed the smaller half-size ({Math.Min(HalfWidth, HalfHeight)} m)");
        }
        if (Shape == SdfShape.Ring)
        {
            foreach (var e in Check.Positive("thickness", Thickness)) yield return e;
            if (Thickness >= 2 * Radius) yield return new FieldError("thickness", "must be less than twice the radius");
        }
    }
}
