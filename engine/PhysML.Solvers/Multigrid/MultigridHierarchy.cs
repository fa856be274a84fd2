namespace PhysML.Solvers.Multigrid;

/// <summary>
/// The levels of a geometric multigrid for a cell-centred Poisson stencil, after McAdams, Sifakis and Teran, "A
/// parallel multigrid Poisson solver for fluids simulation on large grids" (SCA 2010): each coarse level is the same
/// kind of stencil rediscretised on cells twice as large, built from the flags of the level below, so obstacles and
/// open sides are respected on every level.
/// <para>
/// Coarsening: a coarse cell is an unknown when any of its children is. The coupling across a coarse face is the mean
/// of the fine couplings across it (1 for an open face, a fraction for a face partly blocked by solids), and a coarse
/// cell's open-side (Dirichlet) weight is its children's, averaged the same way (over 2^(d−1) fine faces, d the number
/// of coarsened axes: exact unless an axis stopped coarsening while open sides lie across it). A coarse cell whose
/// couplings all vanish becomes an identity row.
/// </para>
/// An axis is halved (rounding up) while it has more than 2 cells; a periodic axis only while its count is even and at
/// least 4, so its wrap stays aligned. Coarsening stops when no axis can be halved.
/// </summary>
public sealed class MultigridHierarchy
{
    private readonly List<MultigridLevel> _levels = new();

    public MultigridHierarchy(IPoissonStencil fine)
    {
        Version = fine.Version;
        var top = new MultigridLevel(fine.Shape);
        fine.Diagonal.CopyTo(top.Diagonal);
        fine.East.CopyTo(top.East);
        fine.North.CopyTo(top.North);
        fine.Front.CopyTo(top.Front);
        for (var n = 0; n < top.Diagonal.Length; n++)
            top.InverseDiagonal[n] = fine.IsUnknown(n) ? 1 / top.Diagonal[n] : 0;
        _levels.Add(top);
        while (Coarsen(_levels[^1]) is { } coarse) _levels.Add(coarse);
        for (var l = 0; l + 1 < _levels.Count; l++)
        {
            ComputeInterpolationScale(_levels[l], _levels[l + 1]);
            var (ax, ay, az) = MultigridKernels.Axes(_levels[l], _levels[l + 1]);
            _levels[l].Restriction = (new RestrictionTaps(ax), new RestrictionTaps(ay), new RestrictionTaps(az));
        }
    }

    /// <summary>
    /// Multiplies each level's smoother (its InverseDiagonal) by a per-cell damping, finest level first: a learned
    /// V-cycle's weights. Each weight must be finite and in (0, 1) on unknown cells (damped Jacobi then contracts in
    /// the A-norm, so the V-cycle stays SPD); values on other cells are ignored.
    /// </summary>
    public void ScaleSmoothers(IReadOnlyList<double[]> weights)
    {
        if (weights.Count != _levels.Count)
            throw new ArgumentException($"{weights.Count} weight fields for {_levels.Count} levels", nameof(weights));
        for (var l = 0; l < _levels.Count; l++)
        {
            var (level, w) = (_levels[l], weights[l]);
            if (w.Length != level.Shape.CellCount)
                throw new ArgumentException($"level {l}: {w.Length} weights for {level.Shape.CellCount} cells", nameof(weights));
            for (var n = 0; n < w.Length; n++)
            {
                if (!level.IsUnknown(n)) continue;
                if (!(w[n] > 0 && w[n] < 1))
                    throw new ArgumentOutOfRangeException(nameof(weights), w[n], $"level {l}, cell {n}: a smoother weight must be in (0, 1)");
                level.InverseDiagonal[n] *= w[n];
            }
        }
    }

    /// <summary>Finest first.</summary>
    public IReadOnlyList<MultigridLevel> Levels => _levels;

    /// <summary>The fine operator's <see cref="IPoissonStencil.Version"/> this hierarchy was built from.</summary>
    public int Version { get; }

    private static int Halve(int n, bool periodic) =>
        periodic ? (n >= 4 && n % 2 == 0 ? 2 : 1) : (n > 2 ? 2 : 1);

    private static MultigridLevel? Coarsen(MultigridLevel fine)
    {
        var s = fine.Shape;
        var ratio = (X: Halve(s.Nx, s.PeriodicX), Y: Halve(s.Ny, s.PeriodicY), Z: Halve(s.Nz, s.PeriodicZ));
        if (ratio is (1, 1, 1)) return null;
        fine.Ratio = ratio;
        var shape = s with
        {
            Nx = (s.Nx + ratio.X - 1) / ratio.X,
            Ny = (s.Ny + ratio.Y - 1) / ratio.Y,
            Nz = (s.Nz + ratio.Z - 1) / ratio.Z,
        };
        var coarse = new MultigridLevel(shape);
        var coarsened = (ratio.X - 1) + (ratio.Y - 1) + (ratio.Z - 1);
        var facesPerSide = 1 << Math.Max(coarsened - 1, 0);
        for (var K = 0; K < shape.Nz; K++)
            for (var J = 0; J < shape.Ny; J++)
                for (var I = 0; I < shape.Nx; I++)
                    CoarsenCell(fine, coarse, ratio, I, J, K, facesPerSide);
        FinishDiagonal(coarse);
        return coarse;
    }

    private static void CoarsenCell(MultigridLevel fine, MultigridLevel coarse, (int X, int Y, int Z) ratio, int I, int J, int K,
        int facesPerSide)
    {
        var (f, cs) = (fine.Shape, coarse.Shape);
        var c = (K * cs.Ny + J) * cs.Nx + I;
        var (x0, y0, z0) = (I * ratio.X, J * ratio.Y, K * ratio.Z);
        var (x1, y1, z1) = (Math.Min(x0 + ratio.X, f.Nx), Math.Min(y0 + ratio.Y, f.Ny), Math.Min(z0 + ratio.Z, f.Nz));
        double east = 0, north = 0, front = 0, open = 0;
        int eastFaces = 0, northFaces = 0, frontFaces = 0;
        var anyUnknown = false;
        for (var k = z0; k < z1; k++)
            for (var j = y0; j < y1; j++)
                for (var i = x0; i < x1; i++)
                {
                    var n = (k * f.Ny + j) * f.Nx + i;
                    if (i == x1 - 1) { east += fine.East[n]; eastFaces++; }
                    if (j == y1 - 1) { north += fine.North[n]; northFaces++; }
                    if (k == z1 - 1) { front += fine.Front[n]; frontFaces++; }
                    if (!fine.IsUnknown(n)) continue;
                    anyUnknown = true;
                    open += fine.Diagonal[n] - CouplingSum(fine, i, j, k);
                }
        coarse.East[c] = anyUnknown ? east / eastFaces : 0;
        coarse.North[c] = anyUnknown ? north / northFaces : 0;
        coarse.Front[c] = anyUnknown ? front / frontFaces : 0;
        coarse.Diagonal[c] = anyUnknown ? Math.Max(open, 0) / facesPerSide : 0;
    }

    private static void ComputeInterpolationScale(MultigridLevel fine, MultigridLevel coarse)
    {
        var (ax, ay, az) = MultigridKernels.Axes(fine, coarse);
        var (f, cs) = (fine.Shape, coarse.Shape);
        for (var k = 0; k < f.Nz; k++)
            for (var j = 0; j < f.Ny; j++)
                for (var i = 0; i < f.Nx; i++)
                {
                    var n = (k * f.Ny + j) * f.Nx + i;
                    if (!fine.IsUnknown(n)) continue;
                    var (px, qx, wpx, wqx) = ax.Parents(i);
                    var (py, qy, wpy, wqy) = ay.Parents(j);
                    var (pz, qz, wpz, wqz) = az.Parents(k);
                    double Present(int x, int y, int z) => coarse.IsUnknown((z * cs.Ny + y) * cs.Nx + x) ? 1 : 0;
                    double Line(int y, int z) => wpx * Present(px, y, z) + wqx * Present(qx, y, z);
                    var sum = wpz * (wpy * Line(py, pz) + wqy * Line(qy, pz)) + wqz * (wpy * Line(py, qz) + wqy * Line(qy, qz));
                    fine.InterpolationScale[n] = sum > 0 ? 1 / sum : 0;
                }
    }

    // Diagonal so far holds each coarse cell's open-side weight; the couplings on all six sides are known only once the
    // whole level exists, so they are added here.
    private static void FinishDiagonal(MultigridLevel level)
    {
        var s = level.Shape;
        for (var k = 0; k < s.Nz; k++)
            for (var j = 0; j < s.Ny; j++)
                for (var i = 0; i < s.Nx; i++)
                {
                    var n = (k * s.Ny + j) * s.Nx + i;
                    var d = level.Diagonal[n] + CouplingSum(level, i, j, k);
                    // A cell with no coupling and no open side has nothing to solve for: identity row, masked out.
                    level.Diagonal[n] = d > 0 ? d : 1;
                    level.InverseDiagonal[n] = d > 0 ? 1 / d : 0;
                }
    }

    private static double CouplingSum(MultigridLevel level, int i, int j, int k)
    {
        var s = level.Shape;
        int Cell(int x, int y, int z) => (z * s.Ny + y) * s.Nx + x;
        var n = Cell(i, j, k);
        return level.East[n] + level.East[Cell(i == 0 ? s.Nx - 1 : i - 1, j, k)]
               + level.North[n] + level.North[Cell(i, j == 0 ? s.Ny - 1 : j - 1, k)]
               + level.Front[n] + level.Front[Cell(i, j, k == 0 ? s.Nz - 1 : k - 1)];
    }
}
