namespace PhysML.Fluids;

/// <summary>
/// One solid obstacle as the simulation sees it: a shape at its start position and a prescribed motion — a constant
/// velocity (m/s) plus an optional <see cref="Oscillation"/>, so the offset at time t is v·t + A·sin(2πft) and the
/// velocity v + 2πf·A·cos(2πft). At time t it occupies the cells whose centres <see cref="ContainsAt"/> says are inside.
/// </summary>
public sealed class ObstacleShape(Func<double, double, bool> containsAtStart, double velocityX, double velocityY, Oscillation oscillation = default)
{
    public bool IsMoving => velocityX != 0 || velocityY != 0 || oscillation.IsActive;

    /// <summary>How far the obstacle has moved from its start by time t, m.</summary>
    public (double X, double Y) OffsetAt(double time)
    {
        var phase = Math.Sin(2 * Math.PI * oscillation.Frequency * time);
        return (velocityX * time + oscillation.AmplitudeX * phase, velocityY * time + oscillation.AmplitudeY * phase);
    }

    /// <summary>The obstacle's velocity at time t, m/s (what the faces touching it carry).</summary>
    public (double X, double Y) VelocityAt(double time)
    {
        var rate = 2 * Math.PI * oscillation.Frequency * Math.Cos(2 * Math.PI * oscillation.Frequency * time);
        return (velocityX + oscillation.AmplitudeX * rate, velocityY + oscillation.AmplitudeY * rate);
    }

    /// <summary>True when (x, y) lies inside the obstacle at time t (s): the start shape shifted by its offset.</summary>
    public bool ContainsAt(double time, double x, double y)
    {
        var (dx, dy) = OffsetAt(time);
        return containsAtStart(x - dx, y - dy);
    }

    public static ObstacleShape From(BoxObstacle box) => new(box.Contains, box.VelocityX, box.VelocityY, box.Oscillation);
    public static ObstacleShape From(DiskObstacle disk) => new(disk.Contains, disk.VelocityX, disk.VelocityY, disk.Oscillation);
    public static ObstacleShape From(SdfObstacle sdf) => new(sdf.Contains, sdf.VelocityX, sdf.VelocityY, sdf.Oscillation);
}
