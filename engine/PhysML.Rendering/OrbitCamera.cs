namespace PhysML.Rendering;

/// <summary>
/// A camera orbiting a target point of a 3D domain, y up. Lengths are relative to the domain so one camera suits any
/// grid: <see cref="Target"/> in fractions of the domain along x, y, z; <see cref="Distance"/> in multiples of its
/// largest side. Yaw turns about y (0 looks along −z from the +z side), pitch raises the eye above the target.
/// </summary>
public readonly record struct OrbitCamera(double Yaw, double Pitch, double Distance)
{
    public static OrbitCamera Default => new(Yaw: 0.55, Pitch: 0.35, Distance: 2.1);

    public (double X, double Y, double Z) Target { get; init; } = (0.5, 0.5, 0.5);

    /// <summary>Shifts the eye and the point it looks at together, along the view's right and up directions, in multiples
    /// of the domain's largest side: the picture slides, the viewing angle stays (the viewer's right/middle drag).</summary>
    public (double Right, double Up) Pan { get; init; } = (0, 0);

    /// <summary>Vertical field of view in degrees.</summary>
    public double FieldOfView { get; init; } = 40;

    /// <summary>The eye and its orthonormal basis in cell units for a domain of <paramref name="nx"/>×<paramref name="ny"/>×<paramref name="nz"/> cells.</summary>
    internal CameraFrame FrameFor(int nx, int ny, int nz)
    {
        var size = Math.Max(nx, Math.Max(ny, nz));
        var pitch = Math.Clamp(Pitch, -1.55, 1.55); // short of ±90°, where the up vector is undefined
        var target = new Vector3D(Target.X * nx, Target.Y * ny, Target.Z * nz);
        var offset = new Vector3D(Math.Cos(pitch) * Math.Sin(Yaw), Math.Sin(pitch), Math.Cos(pitch) * Math.Cos(Yaw));
        var forward = (-1 * offset).Normalized();
        var right = forward.Cross(new Vector3D(0, 1, 0)).Normalized();
        var up = right.Cross(forward);
        var eye = target + offset * (Distance * size) + right * (Pan.Right * size) + up * (Pan.Up * size);
        return new CameraFrame(eye, forward, right, up, Math.Tan(FieldOfView * Math.PI / 360));
    }
}

internal readonly record struct CameraFrame(Vector3D Eye, Vector3D Forward, Vector3D Right, Vector3D Up, double TanHalfFov);

internal readonly record struct Vector3D(double X, double Y, double Z)
{
    public static Vector3D operator +(Vector3D a, Vector3D b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
    public static Vector3D operator *(Vector3D a, double s) => new(a.X * s, a.Y * s, a.Z * s);
    public static Vector3D operator *(double s, Vector3D a) => a * s;
    public double Length => Math.Sqrt(X * X + Y * Y + Z * Z);
    public Vector3D Normalized() => this * (1 / Length);
    public double Dot(Vector3D b) => X * b.X + Y * b.Y + Z * b.Z;
    public static Vector3D operator -(Vector3D a, Vector3D b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
    public Vector3D Cross(Vector3D b) => new(Y * b.Z - Z * b.Y, Z * b.X - X * b.Z, X * b.Y - Y * b.X);
}
