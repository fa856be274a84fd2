using PhysML.Core.Validation;

namespace PhysML.Fluids;

/// <summary>
/// An obstacle's prescribed motion, 2D or 3D (z = 0 in 2D): either a constant velocity (m/s) plus an optional
/// <see cref="Oscillation"/>, so the offset from the start at time t is v·t + A·sin(2πft) and the velocity
/// v + 2πf·A·cos(2πft); or a keyframed path (<see cref="KeyframePath"/>) for its reference point, whose start is
/// <c>anchor</c> (the component's x, y, z), so the offset is path(t) − anchor.
/// </summary>
public sealed class ObstacleMotion(double velocityX, double velocityY, double velocityZ, Oscillation oscillation,
    IReadOnlyList<Keyframe>? path = null, (double X, double Y, double Z) anchor = default)
{
    private readonly IReadOnlyList<Keyframe> _path = path ?? [];

    public static ObstacleMotion Static { get; } = new(0, 0, 0, new Oscillation());

    public bool IsMoving => velocityX != 0 || velocityY != 0 || velocityZ != 0 || oscillation.IsActive || _path.Count > 0;

    /// <summary>How far the obstacle has moved from its start (x, y, z) by time t, m.</summary>
    public (double X, double Y, double Z) OffsetAt(double time)
    {
        if (_path.Count > 0)
        {
            var (x, y, z) = KeyframePath.PositionAt(_path, time);
            return (x - anchor.X, y - anchor.Y, z - anchor.Z);
        }
        var phase = Math.Sin(2 * Math.PI * oscillation.Frequency * time);
        return (velocityX * time + oscillation.AmplitudeX * phase, velocityY * time + oscillation.AmplitudeY * phase,
            velocityZ * time + oscillation.AmplitudeZ * phase);
    }

    /// <summary>The obstacle's velocity at time t, m/s (what the faces touching it carry).</summary>
    public (double X, double Y, double Z) VelocityAt(double time)
    {
        if (_path.Count > 0) return KeyframePath.VelocityAt(_path, time);
        var rate = 2 * Math.PI * oscillation.Frequency * Math.Cos(2 * Math.PI * oscillation.Frequency * time);
        return (velocityX + oscillation.AmplitudeX * rate, velocityY + oscillation.AmplitudeY * rate, velocityZ + oscillation.AmplitudeZ * rate);
    }

    /// <summary>The checks every obstacle component makes on its motion fields: finite velocities, a valid oscillation
    /// and path, and not a path together with a velocity or oscillation (the path alone says where the obstacle is).</summary>
    public static IEnumerable<FieldError> Problems(double velocityX, double velocityY, double velocityZ, Oscillation oscillation,
        IReadOnlyList<Keyframe> path)
    {
        var errors = Check.Finite("velocityX", velocityX).Concat(Check.Finite("velocityY", velocityY))
            .Concat(Check.Finite("velocityZ", velocityZ)).Concat(Check.Nested("oscillation", oscillation))
            .Concat(KeyframePath.Problems("path", path));
        if (path.Count > 0 && (velocityX != 0 || velocityY != 0 || velocityZ != 0 || oscillation.IsActive))
            errors = errors.Append(new FieldError("path", "a path sets the whole motion; remove velocityX/Y/Z and oscillation, or the path"));
        return errors;
    }
}
