using PhysML.Core.Validation;

namespace PhysML.Fluids;

/// <summary>
/// A piecewise-linear path through keyframes (times strictly increasing): the position interpolates linearly on each
/// segment, and the velocity is that segment's slope (constant on it, so a kinematic obstacle's faces carry exactly
/// the path's derivative). Before the first keyframe and after the last the position holds and the velocity is 0.
/// At a keyframe time the later segment applies.
/// </summary>
public static class KeyframePath
{
    /// <summary>The rules a path breaks, each on the field that breaks it (<c>path[2].t</c>): at least two keyframes,
    /// times strictly increasing, finite values.</summary>
    public static IEnumerable<FieldError> Problems(string field, IReadOnlyList<Keyframe> path)
    {
        if (path.Count == 0) yield break;
        if (path.Count < 2)
            yield return new FieldError(field, $"a path needs at least 2 keyframes, got {path.Count}");
        for (var n = 0; n < path.Count; n++)
        {
            foreach (var e in Check.Nested($"{field}[{n}]", path[n])) yield return e;
            if (n > 0 && !(path[n].T > path[n - 1].T))
                yield return new FieldError($"{field}[{n}].t",
                    $"keyframe times must be strictly increasing: t = {path[n].T} s follows t = {path[n - 1].T} s");
        }
    }

    /// <summary>The position at time t, m.</summary>
    public static (double X, double Y, double Z) PositionAt(IReadOnlyList<Keyframe> path, double time)
    {
        var n = Segment(path, time);
        if (n < 0) return At(path[time < path[0].T ? 0 : path.Count - 1]);
        var (a, b) = (path[n], path[n + 1]);
        var s = (time - a.T) / (b.T - a.T);
        return (a.X + s * (b.X - a.X), a.Y + s * (b.Y - a.Y), a.Z + s * (b.Z - a.Z));
    }

    /// <summary>The velocity at time t, m/s: the slope of the segment t lies on, 0 outside the path's time span.</summary>
    public static (double X, double Y, double Z) VelocityAt(IReadOnlyList<Keyframe> path, double time)
    {
        var n = Segment(path, time);
        if (n < 0) return (0, 0, 0);
        var (a, b) = (path[n], path[n + 1]);
        var dt = b.T - a.T;
        return ((b.X - a.X) / dt, (b.Y - a.Y) / dt, (b.Z - a.Z) / dt);
    }

    private static (double X, double Y, double Z) At(Keyframe key) => (key.X, key.Y, key.Z);

    // The segment [path[n].T, path[n+1].T) holding t, or −1 outside the span. Paths are short: a linear scan.
    private static int Segment(IReadOnlyList<Keyframe> path, double time)
    {
        for (var n = 0; n + 1 < path.Count; n++)
            if (time >= path[n].T && time < path[n + 1].T) return n;
        return -1;
    }
}
