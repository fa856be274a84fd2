namespace PhysML.Rendering.Tests;

/// <summary>Builds synthetic snapshots whose extremes, obstacles and smoke sit at known cells.</summary>
internal static class Snapshots
{
    public static FieldSnapshot Field2D(string name, int nx, int ny, Func<int, int, double> value)
    {
        var values = new double[nx * ny];
        for (var j = 0; j < ny; j++)
            for (var i = 0; i < nx; i++)
                values[j * nx + i] = value(i, j);
        return new FieldSnapshot(name, "1", [ny, nx], values, [1.0, 1.0]);
    }

    public static FieldSnapshot Field3D(string name, int n, Func<int, int, int, double> value)
    {
        var values = new double[n * n * n];
        for (var k = 0; k < n; k++)
            for (var j = 0; j < n; j++)
                for (var i = 0; i < n; i++)
                    values[(k * n + j) * n + i] = value(i, j, k);
        return new FieldSnapshot(name, "1", [n, n, n], values, [1.0, 1.0, 1.0]);
    }

    public static RenderSnapshot Of(params FieldSnapshot[] fields) => new(1, 0.02, fields);

    /// <summary>The pixel a point (in cells) of a 3D domain lands on: the inverse of the ray generation in volume.comp.</summary>
    public static (int X, int Y) Project(OrbitCamera camera, int n, int width, int height, double x, double y, double z)
    {
        var frame = camera.FrameFor(n, n, n);
        var d = new Vector3D(x, y, z) - frame.Eye;
        var depth = d.Dot(frame.Forward);
        var ndcX = d.Dot(frame.Right) / (depth * frame.TanHalfFov * width / height);
        var ndcY = d.Dot(frame.Up) / (depth * frame.TanHalfFov);
        return ((int)Math.Floor((ndcX + 1) / 2 * width), (int)Math.Floor((1 - ndcY) / 2 * height));
    }
}
