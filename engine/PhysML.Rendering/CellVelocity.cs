namespace PhysML.Rendering;

/// <summary>A 2D velocity at cell centres, interleaved (vx, vy) per cell of a <c>[ny, nx]</c> grid, for glyphs.</summary>
public sealed class CellVelocity
{
    private readonly float[] _xy;

    internal CellVelocity(int nx, int ny, float[] xy, double maxSpeed)
    {
        (Nx, Ny, _xy, MaxSpeed) = (nx, ny, xy, maxSpeed);
    }

    public int Nx { get; }
    public int Ny { get; }
    public ReadOnlySpan<float> Xy => _xy;
    public double MaxSpeed { get; }

    /// <summary>
    /// Cell-centred velocity from the catalog's <c>u</c> and <c>v</c>: averaged from the faces of a MAC grid
    /// (<c>u</c> [ny, nx+1], <c>v</c> [ny+1, nx], as the fluid plugin registers them) or taken as is when both are
    /// cell-centred [ny, nx]. Null for any other layout.
    /// </summary>
    public static CellVelocity? FromComponents(int[] uShape, ReadOnlySpan<double> u, int[] vShape, ReadOnlySpan<double> v)
    {
        if (uShape.Length != 2 || vShape.Length != 2) return null;
        var staggered = uShape[0] + 1 == vShape[0] && uShape[1] == vShape[1] + 1;
        var collocated = uShape.SequenceEqual(vShape);
        if (!staggered && !collocated) return null;
        var (ny, nx) = staggered ? (uShape[0], vShape[1]) : (uShape[0], uShape[1]);
        var xy = new float[2 * nx * ny];
        var maxSpeed2 = 0.0;
        for (var j = 0; j < ny; j++)
        {
            for (var i = 0; i < nx; i++)
            {
                double vx, vy;
                if (staggered)
                {
                    vx = 0.5 * (u[j * (nx + 1) + i] + u[j * (nx + 1) + i + 1]);
                    vy = 0.5 * (v[j * nx + i] + v[(j + 1) * nx + i]);
                }
                else
                {
                    (vx, vy) = (u[j * nx + i], v[j * nx + i]);
                }
                if (!double.IsFinite(vx) || !double.IsFinite(vy)) (vx, vy) = (0, 0);
                xy[2 * (j * nx + i)] = (float)vx;
                xy[2 * (j * nx + i) + 1] = (float)vy;
                maxSpeed2 = Math.Max(maxSpeed2, vx * vx + vy * vy);
            }
        }
        return new CellVelocity(nx, ny, xy, Math.Sqrt(maxSpeed2));
    }
}
