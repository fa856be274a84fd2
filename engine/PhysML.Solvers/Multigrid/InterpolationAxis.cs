namespace PhysML.Solvers.Multigrid;

/// <summary>
/// Cell-centred linear interpolation along one axis between a fine level and the next coarser one. Fine cell f lies
/// inside coarse cell p = f/2 and a quarter cell from its neighbour q on the side f leans to, so it reads ¾ of p and
/// ¼ of q (weights 1 of p when q falls off a wall: "clamped", which keeps constants exact there). A periodic axis
/// wraps q. An axis that is not coarsened (ratio 1) maps f to itself with weight 1.
/// The same weights, transposed, restrict; the shaders in shaders/solvers/mg_*.comp repeat this arithmetic.
/// </summary>
internal readonly record struct InterpolationAxis(int FineCount, int CoarseCount, int Ratio, bool Periodic)
{
    /// <summary>The two coarse cells fine cell <paramref name="f"/> reads, with their weights (q == p when clamped).</summary>
    public (int P, int Q, double Wp, double Wq) Parents(int f)
    {
        if (Ratio == 1) return (f, f, 1, 0);
        var p = f / 2;
        var q = (f & 1) == 1 ? p + 1 : p - 1;
        if (Periodic) q = (q + CoarseCount) % CoarseCount;
        else if (q < 0 || q >= CoarseCount) return (p, p, 1, 0);
        return (p, q, 0.75, 0.25);
    }

    /// <summary>The weight with which fine cell <paramref name="f"/> reads coarse cell <paramref name="c"/>.</summary>
    public double Weight(int f, int c)
    {
        var (p, q, wp, wq) = Parents(f);
        return (p == c ? wp : 0) + (q == c ? wq : 0);
    }

    /// <summary>The fine cells that may read coarse cell <paramref name="c"/>: 2c−1 … 2c+2 (wrapped when periodic, cut
    /// at the walls otherwise), or c alone on an axis that is not coarsened. Returns how many it wrote.</summary>
    public int Children(int c, Span<int> cells)
    {
        if (Ratio == 1)
        {
            cells[0] = c;
            return 1;
        }
        var count = 0;
        for (var f = 2 * c - 1; f <= 2 * c + 2; f++)
        {
            var wrapped = Periodic ? (f + FineCount) % FineCount : f;
            if (wrapped < 0 || wrapped >= FineCount) continue;
            cells[count++] = wrapped;
        }
        return count;
    }
}
