namespace PhysML.Fields.Mac;

/// <summary>
/// Advection of staggered arrays through a MAC velocity field. Back-traces use the midpoint rule (RK2), so the
/// characteristics are second-order accurate and the scheme's order is set by interpolation and the limiter.
/// Rows are traced in parallel (<paramref name="parallel"/>); each output sample is written by one thread from
/// read-only inputs, so results do not depend on the thread count. Not thread-safe to call concurrently: one
/// instance per simulation (it keeps workspace).
/// </summary>
public sealed class Advection2D(MacGrid2D grid, FlowBoundary boundary, ParallelOptions? parallel = null)
{
    private readonly ParallelOptions _parallel = parallel ?? new ParallelOptions { MaxDegreeOfParallelism = 1 };
    private readonly StaggeredLayout _uLayout = StaggeredLayout.UFaces(grid, boundary);
    private readonly StaggeredLayout _vLayout = StaggeredLayout.VFaces(grid, boundary);
    private double[] _forward = Array.Empty<double>();
    private double[] _back = Array.Empty<double>();
    private double[] _min = Array.Empty<double>();
    private double[] _max = Array.Empty<double>();

    public StaggeredLayout UFaces => _uLayout;
    public StaggeredLayout VFaces => _vLayout;
    public StaggeredLayout Cells => StaggeredLayout.CellCentred(grid, boundary);

    /// <summary>
    /// destination = source carried for <paramref name="dt"/> seconds through <paramref name="velocity"/>.
    /// <paramref name="source"/> and <paramref name="destination"/> must not overlap; the velocity is read only.
    /// </summary>
    public void Advect(AdvectionScheme scheme, MacVelocity2D velocity, double[] source, double[] destination,
        in StaggeredLayout layout, double dt)
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
        for (var k = 0; k < layout.Count; k++)
        {
            var corrected = forward[k] + 0.5 * (source[k] - back[k]);
            destination[k] = corrected < min[k] || corrected > max[k] ? forward[k] : corrected;
        }
    }

    private void Trace(MacVelocity2D velocity, double[] source, double[] destination, StaggeredLayout layout,
        double dt, double[]? min, double[]? max)
    {
        var h = grid.CellSize;
        var (uLayout, vLayout) = (_uLayout, _vLayout);
        Parallel.For(0, layout.Rows, _parallel, b =>
        {
            var y = layout.Y(b, h);
            for (var a = 0; a < layout.Columns; a++)
            {
                var x = layout.X(a, h);
                var (u0, v0) = MacSampler.Velocity(velocity, uLayout, vLayout, x, y);
                var (um, vm) = MacSampler.Velocity(velocity, uLayout, vLayout, x - 0.5 * dt * u0, y - 0.5 * dt * v0);
                var k = b * layout.Columns + a;
                destination[k] = MacSampler.Sample(source, layout, h, x - dt * um, y - dt * vm, out var lo, out var hi);
                if (min is null) continue;
                min[k] = lo;
                max![k] = hi;
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
