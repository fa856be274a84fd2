namespace PhysML.Fluids;

/// <summary>
/// One solid obstacle as the simulation sees it: a shape at its start position and a constant velocity (m/s; zero for
/// a static obstacle). At time t it occupies the cells whose centres <see cref="ContainsAt"/> says are inside.
/// </summary>
public sealed class ObstacleShape(Func<double, double, bool> containsAtStart, double velocityX, double velocityY)
{
    public double VelocityX { get; } = velocityX;
    public double VelocityY { get; } = velocityY;
    public bool IsMoving => VelocityX != 0 || VelocityY != 0;

    /// <summary>True when (x, y) lies inside the obstacle at time t (s): the start shape shifted by velocity·t.</summary>
    public bool ContainsAt(double time, double x, double y) => containsAtStart(x - VelocityX * time, y - VelocityY * time);

    public static ObstacleShape From(BoxObstacle box) => new(box.Contains, box.VelocityX, box.VelocityY);
    public static ObstacleShape From(DiskObstacle disk) => new(disk.Contains, disk.VelocityX, disk.VelocityY);
    public static ObstacleShape From(SdfObstacle sdf) => new(sdf.Contains, sdf.VelocityX, sdf.VelocityY);
}
