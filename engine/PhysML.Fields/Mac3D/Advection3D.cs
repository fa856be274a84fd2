using PhysML.Fields.Mac;

namespace PhysML.Fields.Mac3D;

/// <summary>
/// Advection of staggered 3D arrays through a MAC velocity field, the 3D counterpart of <see cref="Advection2D"/>:
/// semi-Lagrangian or MacCormack with Selle et al.'s (2008) min/max limiter, back-traces by the midpoint rule (RK2).
/// z-slabs (layers) are traced in parallel (<paramref name="parallel"/>); each output sample is written by one thread
/// from read-only inputs, so results do not depend on the thread count. Not thread-safe to call concurrently: one
/// instance per simulation (it keeps workspace).
/// </summary>
public sealed class Advection3D(MacGrid3D grid, FlowBoundary3D boundary, ParallelOptions? parallel = null)
{
    private readonly ParallelOptions _parallel = parallel ?? new ParallelOptions { MaxDegreeOfParallelism = 1 };
    private readonly StaggeredLayout3D _uLayout = StaggeredLayout3D.UFaces(grid, boundary);
    private readonly StaggeredLayout3D _vLayout = StaggeredLayout3D.VFaces(grid, boundary);
    private readonly StaggeredLayout3D _wLayout = StaggeredLayout3D.WFaces(grid, boundary);
    private double[] _forward = Array.Empty<double>();
    private double[] _back = Array.Empty<double>();
    private double[] _min = Array.Empty<double>();
    private double[] _max = Array.Empty<double>();

    public StaggeredLayout3D UFaces => _uLayout;
    public StaggeredLayout3D VFaces => _vLayout;
    public StaggeredLayout3D WFaces => _wLayout;
    public StaggeredLayout3D Cells => StaggeredLayout3D.CellCentred(grid, boundary);

    /// <summary>
    /// destination = source carried for <paramref name="dt"/> seconds through <paramref name="velocity"/>.
    /// <paramref name="source"/> and <paramref name="destination"/> must not overlap; the velocity is read only.
    /// </summary>
    public void Advect(AdvectionScheme scheme, MacVelocity3D velocity, double[] source, double[] destination,
        in StaggeredLayout3D layout, double dt)
    {
        if (scheme == AdvectionScheme.SemiLagrangian)
        {
            Trace(velocity, source, destination, layout, dt, null, null);
            return;
        }
        EnsureWorkspace(layout.Count);
        var (forward, back, min, max) = (_forward, _back, _min, _max);
        // φ̂ = SL(φ, dt); φ̃ = SL(φ̂, −dt); φ = φ̂ + ½(φ − φ̃), clamped to the range φ̂ was interpolated from.
        Trace(velocity, source, forward, layout, dt, min, max);
        Trace(velocity, forward, back, layout, -dt, null, null);
        var plane = layout.Columns * layout.Rows;
        Parallel.For(0, layout.Layers, _parallel, c =>
        {
            for (var n = c * plane; n < (c + 1) * plane; n++)
            {
                var corrected = forward[n] + 0.5 * (source[n] - back[n]);
                destination[n] = corrected < min[n] || corrected > max[n] ? forward[n] : corrected;
            }
        });
    }

    private void Trace(MacVelocity3D velocity, double[] source, double[] destination, StaggeredLayout3D layout,
        double dt, double[]? min, double[]? max)
    {
        var h = grid.CellSize;
        var (uLayout, vLayout, wLayout) = (_uLayout, _vLayout, _wLayout);
        Parallel.For(0, layout.Layers, _parallel, c =>
        {
            var z = layout.Z(c, h);
            for (var b = 0; b < layout.Rows; b++)
            {
                var y = layout.Y(b, h);
                for (var a = 0; a < layout.Columns; a++)
                {
                    var x = layout.X(a, h);
                    var (u0, v0, w0) = MacSampler3D.Velocity(velocity, uLayout, vLayout, wLayout, x, y, z);
                    var (um, vm, wm) = MacSampler3D.Velocity(velocity, uLayout, vLayout, wLayout,
                        x - 0.5 * dt * u0, y - 0.5 * dt * v0, z - 0.5 * dt * w0);
                    var n = (c * layout.Rows + b) * layout.Columns + a;
                    destination[n] = MacSampler3D.Sample(source, layout, h, x - dt * um, y - dt * vm, z - dt * wm, out var lo, out var hi);
                    if (min is null) continue;
                    min[n] = lo;
                    max![n] = hi;
                }
            }
        });
    }

    private void EnsureWorkspace(int count)
    {
        if (_forward.Length >= count) return;
        _forward = new double[count];
        _back = new double[count];
        _min = new double[count];
        _max = new double[count];
    }
}
