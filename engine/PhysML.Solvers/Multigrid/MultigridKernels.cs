namespace PhysML.Solvers.Multigrid;

/// <summary>
/// The CPU reference of each multigrid operator, one method per shader in shaders/solvers/ (mg_residual.comp,
/// mg_smooth.comp, mg_restrict.comp, mg_prolong.comp). Each works on a range of rows (Nx cells each) and writes every
/// output cell from one thread, so running rows in parallel gives the same bits as running them in order.
/// </summary>
internal static class MultigridKernels
{
    /// <summary>r = b − A·x on rows [<paramref name="firstRow"/>, <paramref name="endRow"/>).</summary>
    public static void Residual(MultigridLevel level, double[] b, double[] x, double[] r, int firstRow, int endRow)
    {
        var s = level.Shape;
        var (nx, ny, nz) = (s.Nx, s.Ny, s.Nz);
        var plane = nx * ny;
        var (diagonal, east, north, front) = (level.Diagonal, level.East, level.North, level.Front);
        for (var row = firstRow; row < endRow; row++)
        {
            var (j, k) = (row % ny, row / ny);
            var start = row * nx;
            // Neighbouring rows and layers, wrapped: the couplings there are 0 unless the axis is periodic.
            var below = start + ((j == 0 ? ny - 1 : j - 1) - j) * nx;
            var above = start + ((j == ny - 1 ? 0 : j + 1) - j) * nx;
            var back = start + ((k == 0 ? nz - 1 : k - 1) - k) * plane;
            var ahead = start + ((k == nz - 1 ? 0 : k + 1) - k) * plane;
            for (var i = 0; i < nx; i++)
            {
                var c = start + i;
                var w = start + (i == 0 ? nx - 1 : i - 1);
                var e = start + (i == nx - 1 ? 0 : i + 1);
                var sc = below + i;
                var nc = above + i;
                var bc = back + i;
                var fc = ahead + i;
                var ax = diagonal[c] * x[c]
                         - east[c] * x[e] - east[w] * x[w]
                         - north[c] * x[nc] - north[sc] * x[sc]
                         - front[c] * x[fc] - front[bc] * x[bc];
                r[c] = b[c] - ax;
            }
        }
    }

    /// <summary>One damped-Jacobi sweep in one pass, x' = x + ω·D⁻¹·(b − A·x), into <paramref name="next"/> (x is read
    /// around each cell, so it cannot be updated in place), on rows [<paramref name="firstRow"/>, <paramref name="endRow"/>).
    /// The same numbers as <see cref="Residual"/> then <see cref="Smooth"/>, with one pass over memory instead of two.</summary>
    public static void SmoothFused(MultigridLevel level, double omega, double[] b, double[] x, double[] next, int firstRow, int endRow)
    {
        Residual(level, b, x, next, firstRow, endRow);
        var nx = level.Shape.Nx;
        var inverse = level.InverseDiagonal;
        for (var c = firstRow * nx; c < endRow * nx; c++) next[c] = x[c] + omega * inverse[c] * next[c];
    }

    /// <summary>The first Jacobi sweep from x = 0, where the residual is b itself: x = ω·D⁻¹·b.</summary>
    public static void SmoothFromZero(MultigridLevel level, double omega, double[] b, double[] x, int firstRow, int endRow)
    {
        var nx = level.Shape.Nx;
        var inverse = level.InverseDiagonal;
        for (var c = firstRow * nx; c < endRow * nx; c++) x[c] = omega * inverse[c] * b[c];
    }

    /// <summary>The Jacobi update x += ω·D⁻¹·r on rows [<paramref name="firstRow"/>, <paramref name="endRow"/>).</summary>
    public static void Smooth(MultigridLevel level, double omega, double[] r, double[] x, int firstRow, int endRow)
    {
        var nx = level.Shape.Nx;
        var inverse = level.InverseDiagonal;
        for (var c = firstRow * nx; c < endRow * nx; c++) x[c] += omega * inverse[c] * r[c];
    }

    /// <summary>
    /// Restriction b_c = scale·Σ_f w(f, c)·s_f·r_f over the fine cells f that read c (the transpose of
    /// <see cref="ProlongAdd"/>), in three separable passes, x then y then z: <paramref name="pass"/> 0 reads the fine
    /// residual into <paramref name="alongX"/> (coarse along x), 1 reads that into <paramref name="alongXY"/>, 2 writes
    /// <paramref name="coarseRhs"/>, 0 where the coarse cell is not an unknown. Rows are those of each pass's output:
    /// fine ny·nz, then coarse ny × fine nz, then coarse ny·nz.
    /// </summary>
    public static void Restrict(MultigridLevel fine, MultigridLevel coarse, int pass, double[] fineResidual, double[] alongX,
        double[] alongXY, double[] coarseRhs, int firstRow, int endRow)
    {
        var (f, c) = (fine.Shape, coarse.Shape);
        var (tx, ty, tz) = fine.Restriction!.Value;
        for (var row = firstRow; row < endRow; row++)
        {
            switch (pass)
            {
                case 0: // row = (j, k) fine; output index (row, I)
                    for (var I = 0; I < c.Nx; I++)
                        alongX[row * c.Nx + I] = tx.Sum(I, fineResidual, fine.InterpolationScale, row * f.Nx, 1);
                    break;
                case 1: // row = (J, k): coarse J, fine k
                {
                    var (J, k) = (row % c.Ny, row / c.Ny);
                    for (var I = 0; I < c.Nx; I++)
                        alongXY[row * c.Nx + I] = ty.Sum(J, alongX, k * f.Ny * c.Nx + I, c.Nx);
                    break;
                }
                default: // row = (J, K) coarse
                {
                    var (J, K) = (row % c.Ny, row / c.Ny);
                    var scale = fine.RestrictionScale;
                    for (var I = 0; I < c.Nx; I++)
                    {
                        var n = row * c.Nx + I;
                        coarseRhs[n] = coarse.IsUnknown(n) ? scale * tz.Sum(K, alongXY, J * c.Nx + I, c.Ny * c.Nx) : 0;
                    }
                    break;
                }
            }
        }
    }

    /// <summary>x_f += s_f·Σ_c w(f, c)·x_c over the (up to 8) coarse cells fine cell f reads, on the fine rows
    /// [<paramref name="firstRow"/>, <paramref name="endRow"/>). Coarse cells that are not unknowns hold 0.</summary>
    public static void ProlongAdd(MultigridLevel fine, MultigridLevel coarse, double[] coarseX, double[] fineX,
        int firstRow, int endRow)
    {
        var (ax, ay, az) = Axes(fine, coarse);
        var (fnx, fny) = (fine.Shape.Nx, fine.Shape.Ny);
        var (cnx, cny) = (coarse.Shape.Nx, coarse.Shape.Ny);
        var weight = fine.InterpolationScale;
        for (var row = firstRow; row < endRow; row++)
        {
            var (j, k) = (row % fny, row / fny);
            var (py, qy, wpy, wqy) = ay.Parents(j);
            var (pz, qz, wpz, wqz) = az.Parents(k);
            for (var i = 0; i < fnx; i++)
            {
                var f = row * fnx + i;
                if (weight[f] == 0) continue;
                var (px, qx, wpx, wqx) = ax.Parents(i);
                double Line(int y, int z) => wpx * coarseX[(z * cny + y) * cnx + px] + wqx * coarseX[(z * cny + y) * cnx + qx];
                var sum = wpz * (wpy * Line(py, pz) + wqy * Line(qy, pz)) + wqz * (wpy * Line(py, qz) + wqy * Line(qy, qz));
                fineX[f] += weight[f] * sum;
            }
        }
    }

    internal static (InterpolationAxis X, InterpolationAxis Y, InterpolationAxis Z) Axes(MultigridLevel fine, MultigridLevel coarse)
    {
        var (f, c) = (fine.Shape, coarse.Shape);
        return (new InterpolationAxis(f.Nx, c.Nx, fine.Ratio.X, f.PeriodicX),
                new InterpolationAxis(f.Ny, c.Ny, fine.Ratio.Y, f.PeriodicY),
                new InterpolationAxis(f.Nz, c.Nz, fine.Ratio.Z, f.PeriodicZ));
    }
}
