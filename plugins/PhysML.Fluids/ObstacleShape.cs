using PhysML.Fluids.ThreeD;

namespace PhysML.Fluids;

/// <summary>
/// One solid obstacle as the simulation sees it, 2D or 3D: a shape at its start position and a prescribed
/// <see cref="ObstacleMotion"/>. At time t it occupies the cells whose centres <see cref="ContainsAt(double, double, double, double)"/>
/// says are inside. A 2D shape ignores z.
/// </summary>
public sealed class ObstacleShape(Func<double, double, double, bool> containsAtStart, ObstacleMotion motion)
{
    public ObstacleMotion Motion { get; } = motion;

    public bool IsMoving => Motion.IsMoving;

    /// <summary>How far the obstacle has moved from its start by time t, m.</summary>
    public (double X, double Y, double Z) OffsetAt(double time) => Motion.OffsetAt(time);

    /// <summary>The obstacle's velocity at time t, m/s (what the faces touching it carry).</summary>
    public (double X, double Y, double Z) VelocityAt(double time) => Motion.VelocityAt(time);

    /// <summary>True when (x, y, z) lies inside the obstacle at time t (s): the start shape shifted by its offset.</summary>
    public bool ContainsAt(double time, double x, double y, double z)
    {
        var (dx, dy, dz) = OffsetAt(time);
        return containsAtStart(x - dx, y - dy, z - dz);
    }

    /// <summary>True when (x, y) lies inside a 2D obstacle at time t (s).</summary>
    public bool ContainsAt(double time, double x, double y) => ContainsAt(time, x, y, 0);

    public static ObstacleShape From(BoxObstacle box) => new((x, y, _) => box.Contains(x, y), box.Motion);
    public static ObstacleShape From(DiskObstacle disk) => new((x, y, _) => disk.Contains(x, y), disk.Motion);
    public static ObstacleShape From(SdfObstacle sdf) => new((x, y, _) => sdf.Contains(x, y), sdf.Motion);

    public static ObstacleShape From3D(BoxObstacle box) => new(box.Contains, box.Motion);
    public static ObstacleShape From3D(SdfObstacle sdf) => new(sdf.Contains, sdf.Motion);
    public static ObstacleShape From(SphereObstacle sphere) => new(sphere.Contains, sphere.Motion);
}
