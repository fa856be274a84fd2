using PhysML.Core.Errors;

namespace PhysML.ML.Surrogates;

/// <summary>
/// The mixture-of-experts split of the spatial domain into K non-overlapping subdomains (Chalapathi et al. 2024, §3.1):
/// K contiguous slabs along x for a 1D problem, a Kx × Ky block grid for a 2D one (Kx·Ky = K, Kx ≥ Ky as close to
/// square as K allows). An expert owns its subdomain at every time; K = 1 is the single hard constraint.
/// </summary>
public sealed class ExpertPartition
{
    /// <summary>
    /// Splits <paramref name="grid"/> among <paramref name="experts"/>; with <paramref name="periodic"/> the domain wraps
    /// around in x and y, so the first and last column (row) are neighbours too and their faces join <see cref="Faces"/>.
    /// </summary>
    public ExpertPartition(SurrogateGrid grid, int experts, bool periodic = false)
    {
        if (experts < 1 || experts > grid.Spatial)
            throw new PhysMLException(ErrorCodes.SurrogateSettingsInvalid, ErrorCategory.BadInput,
                $"experts must be in 1..{grid.Spatial} (spatial points), got {experts}");
        var ky = grid.Rows == 1 ? 1 : (int)Math.Floor(Math.Sqrt(experts));
        while (experts % ky != 0) ky--;
        var kx = experts / ky;
        if (kx > grid.Columns || ky > grid.Rows)
            throw new PhysMLException(ErrorCodes.SurrogateSettingsInvalid, ErrorCategory.BadInput,
                $"{experts} experts ({kx} × {ky}) do not fit a {grid.Columns} × {grid.Rows} grid");
        Experts = experts;
        ExpertsX = kx;
        ExpertsY = ky;
        ExpertOf = new long[grid.Spatial];
        var members = Enumerable.Range(0, experts).Select(_ => new List<int>()).ToArray();
        for (var row = 0; row < grid.Rows; row++)
            for (var column = 0; column < grid.Columns; column++)
            {
                var expert = (int)((long)row * ky / grid.Rows) * kx + (int)((long)column * kx / grid.Columns);
                var s = row * grid.Columns + column;
                ExpertOf[s] = expert;
                members[expert].Add(s);
            }
        Members = members.Select(m => m.ToArray()).ToArray();
        var faces = new List<(int, int)>();
        for (var row = 0; row < grid.Rows; row++)
            for (var column = 0; column < grid.Columns; column++)
            {
                var s = row * grid.Columns + column;
                var right = column + 1 < grid.Columns ? s + 1 : periodic ? s + 1 - grid.Columns : -1;
                var up = row + 1 < grid.Rows ? s + grid.Columns : periodic ? column : -1;
                if (right >= 0 && ExpertOf[s] != ExpertOf[right]) faces.Add((s, right));
                if (up >= 0 && ExpertOf[s] != ExpertOf[up]) faces.Add((s, up));
            }
        Faces = faces.ToArray();
    }

    public int Experts { get; }
    public int ExpertsX { get; }
    public int ExpertsY { get; }

    /// <summary>The expert owning each spatial point s.</summary>
    public long[] ExpertOf { get; }

    /// <summary>The spatial points of each expert, ascending.</summary>
    public int[][] Members { get; }

    /// <summary>
    /// Neighbouring spatial points (s, s′) owned by different experts: the faces between subdomains, across the wrap
    /// too on a periodic domain.
    /// </summary>
    public (int Inner, int Outer)[] Faces { get; }
}
