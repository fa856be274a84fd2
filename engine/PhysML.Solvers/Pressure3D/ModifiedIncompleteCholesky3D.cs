namespace PhysML.Solvers.Pressure3D;

/// <summary>
/// MIC(0) of the 7-point pressure operator (Bridson, "Fluid Simulation for Computer Graphics", 2nd ed., §5.3.3, the
/// 3D form of Fig. 5.7), the 3D counterpart of <see cref="Pressure.ModifiedIncompleteCholesky2D"/>: no fill-in, the
/// dropped fill added back to the diagonal with τ = 0.97, and σ = 0.25 as the safety fallback. Couplings across a
/// periodic side are left out of the factor (they would break its triangular order); M stays SPD. The triangular
/// solves are sequential, so the result never depends on the thread count.
/// </summary>
public sealed class ModifiedIncompleteCholesky3D : IPreconditioner
{
    private const double Tau = 0.97;
    private const double Sigma = 0.25;

    private readonly PressurePoisson3D _a;
    private readonly double[] _precon;
    private readonly double[] _q;

    public ModifiedIncompleteCholesky3D(PressurePoisson3D a)
    {
        _a = a;
        _precon = new double[a.Size];
        _q = new double[a.Size];
        Factor();
    }

    public string Name => "mic0";

    private void Factor()
    {
        var (nx, ny, nz) = (_a.Grid.Nx, _a.Grid.Ny, _a.Grid.Nz);
        var plane = nx * ny;
        ReadOnlySpan<double> diagonal = _a.Diagonal, east = _a.East, north = _a.North, front = _a.Front;
        var p = _precon;
        for (var k = 0; k < nz; k++)
            for (var j = 0; j < ny; j++)
                for (var i = 0; i < nx; i++)
                {
                    var c = (k * ny + j) * nx + i;
                    // The −x, −y, −z neighbours' couplings into c (0 at the low sides: no wrap in the factor).
                    double ew = 0, ns = 0, fb = 0, fillW = 0, fillS = 0, fillB = 0;
                    if (i > 0)
                    {
                        var w = c - 1;
                        ew = east[w] * p[w];
                        fillW = east[w] * (north[w] + front[w]) * p[w] * p[w];
                    }
                    if (j > 0)
                    {
                        var s = c - nx;
                        ns = north[s] * p[s];
                        fillS = north[s] * (east[s] + front[s]) * p[s] * p[s];
                    }
                    if (k > 0)
                    {
                        var b = c - plane;
                        fb = front[b] * p[b];
                        fillB = front[b] * (east[b] + north[b]) * p[b] * p[b];
                    }
                    var e = diagonal[c] - ew * ew - ns * ns - fb * fb - Tau * (fillW + fillS + fillB);
                    if (e < Sigma * diagonal[c]) e = diagonal[c];
                    p[c] = 1 / Math.Sqrt(e);
                }
    }

    public void Apply(ReadOnlySpan<double> r, Span<double> z)
    {
        var (nx, ny, nz) = (_a.Grid.Nx, _a.Grid.Ny, _a.Grid.Nz);
        var plane = nx * ny;
        ReadOnlySpan<double> east = _a.East, north = _a.North, front = _a.Front;
        var (p, q) = (_precon, _q);
        // Solve L q = r (forward), then Lᵀ z = q (backward); L's off-diagonal entries are −coupling·precon.
        for (var k = 0; k < nz; k++)
            for (var j = 0; j < ny; j++)
                for (var i = 0; i < nx; i++)
                {
                    var c = (k * ny + j) * nx + i;
                    var t = r[c];
                    if (i > 0) t += east[c - 1] * p[c - 1] * q[c - 1];
                    if (j > 0) t += north[c - nx] * p[c - nx] * q[c - nx];
                    if (k > 0) t += front[c - plane] * p[c - plane] * q[c - plane];
                    q[c] = t * p[c];
                }
        for (var k = nz - 1; k >= 0; k--)
            for (var j = ny - 1; j >= 0; j--)
                for (var i = nx - 1; i >= 0; i--)
                {
                    var c = (k * ny + j) * nx + i;
                    var t = q[c];
                    if (i < nx - 1) t += east[c] * p[c] * z[c + 1];
                    if (j < ny - 1) t += north[c] * p[c] * z[c + nx];
                    if (k < nz - 1) t += front[c] * p[c] * z[c + plane];
                    z[c] = t * p[c];
                }
    }
}
