using PhysML.Core.Application;
using PhysML.Core.Validation;

namespace PhysML.Fluids;

/// <summary>
/// An obstacle given by a signed distance function (scene name <c>sdfObstacle</c>): negative inside, zero on the
/// surface, positive outside, in metres (Inigo Quilez's 2D distance functions). A cell is solid when the distance at
/// its centre is negative (staircased, like boxes and disks); it may move at constant velocity.
/// </summary>
[ReadAtStartup]
public readonly record struct SdfObstacle : IValidatable
{
    public SdfObstacle() { }

    public SdfShape Shape { get; init; } = SdfShape.Capsule;
    /// <summary>Centre, or the capsule's first end, m.</summary>
    public double X { get; init; }
    public double Y { get; init; }
    /// <summary>The capsule's second end, m.</summary>
    public double X2 { get; init; }
    public double Y2 { get; init; }
    public double HalfWidth { get; init; } = 0.1;
    public double HalfHeight { get; init; } = 0.05;
    /// <summary>Rotation of the rounded box, rad (counter-clockwise).</summary>
    public double Angle { get; init; }
    /// <summary>Capsule radius, rounded-box corner radius, or ring radius, m.</summary>
    public double Radius { get; init; } = 0.02;
    /// <summary>Ring wall thickness, m.</summary>
    public double Thickness { get; init; } = 0.02;
    public double VelocityX { get; init; }
    public double VelocityY { get; init; }
    /// <summary>A sinusoidal path on top of the constant velocity.</summary>
    public Oscillation Oscillation { get; init; } = new();

    /// <summary>Signed distance from (x, y) to the surface, m.</summary>
    public double Distance(double x, double y) => Shape switch
    {
        SdfShape.Capsule => CapsuleDistance(x, y),
        SdfShape.RoundedBox => RoundedBoxDistance(x, y),
        _ => Math.Abs(Math.Sqrt((x - X) * (x - X) + (y - Y) * (y - Y)) - Radius) - Thickness / 2,
    };

    public bool Contains(double x, double y) => Distance(x, y) < 0;

    private double CapsuleDistance(double x, double y)
    {
        var (px, py, bx, by) = (x - X, y - Y, X2 - X, Y2 - Y);
        var length2 = bx * bx + by * by;
        var t = length2 > 0 ? Math.Clamp((px * bx + py * by) / length2, 0, 1) : 0;
        var (dx, dy) = (px - t * bx, py - t * by);
        return Math.Sqrt(dx * dx + dy * dy) - Radius;
    }

    private double RoundedBoxDistance(double x, double y)
    {
        // Into the box's frame, then the exact box distance of the shrunk box, minus the rounding radius.
        var (c, s) = (Math.Cos(Angle), Math.Sin(Angle));
        var (px, py) = (c * (x - X) + s * (y - Y), -s * (x - X) + c * (y - Y));
        var qx = Math.Abs(px) - (HalfWidth - Radius);
        var qy = Math.Abs(py) - (HalfHeight - Radius);
        var outside = Math.Sqrt(Math.Max(qx, 0) * Math.Max(qx, 0) + Math.Max(qy, 0) * Math.Max(qy, 0));
        return outside + Math.Min(Math.Max(qx, qy), 0) - Radius;
    }

    public IEnumerable<FieldError> Validate()
    {
        foreach (var (name, value) in new[] { ("x", X), ("y", Y), ("x2", X2), ("y2", Y2), ("angle", Angle), ("velocityX", VelocityX), ("velocityY", VelocityY) })
            foreach (var e in Check.Finite(name, value)) yield return e;
        foreach (var e in Check.Positive("radius", Radius)) yield return e;
        foreach (var e in Check.Nested("oscillation", Oscillation)) yield return e;
        if (Shape == SdfShape.RoundedBox)
        {
            foreach (var e in Check.Positive("halfWidth", HalfWidth).Concat(Check.Positive("halfHeight", HalfHeight))) yield return e;
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
