namespace PhysML.Solvers.Multigrid;

/// <summary>
/// One level of a <see cref="MultigridHierarchy"/>: a 7-point stencil (5-point in 2D) over <see cref="Shape"/>, and how
/// this level's cells interpolate from the next coarser level. Read by the CPU V-cycle and uploaded as-is by the
/// Vulkan one, so both run the same numbers.
/// </summary>
public sealed class MultigridLevel
{
    internal MultigridLevel(StencilShape shape)
    {
        Shape = shape;
        var n = shape.CellCount;
        Diagonal = new double[n];
        East = new double[n];
        North = new double[n];
        Front = new double[n];
        InverseDiagonal = new double[n];
        InterpolationScale = new double[n];
    }

    public StencilShape Shape { get; }

    public double[] Diagonal { get; }
    public double[] East { get; }
    public double[] North { get; }
    public double[] Front { get; }

    /// <summary>1/diagonal on unknown cells, 0 elsewhere: the Jacobi smoother multiplies by it, which also keeps every
    /// cell that is not an unknown at exactly 0.</summary>
    public double[] InverseDiagonal { get; }

    /// <summary>Cells per coarse cell along x, y, z (2, or 1 on an axis that is not coarsened); all 1 at the coarsest.</summary>
    public (int X, int Y, int Z) Ratio { get; internal set; } = (1, 1, 1);

    /// <summary>Per cell, 1 / (sum of the interpolation weights of the unknown coarse cells it reads), 0 where there are
    /// none or the cell is not an unknown: interpolation is normalised over the coarse cells that exist, so a constant
    /// is reproduced next to walls and obstacles.</summary>
    public double[] InterpolationScale { get; }

    /// <summary>The restriction R = scale·Pᵀ, with scale = 4 / (cells per coarse cell): the residual of A = −h²∇² in h²
    /// units becomes the right-hand side of the coarse operator in (2h)² units.</summary>
    public double RestrictionScale => 4.0 / (Ratio.X * Ratio.Y * Ratio.Z);

    public bool IsUnknown(int n) => InverseDiagonal[n] != 0;

    /// <summary>Restriction to the next coarser level as 1D tap tables per axis (null at the coarsest).</summary>
    internal (RestrictionTaps X, RestrictionTaps Y, RestrictionTaps Z)? Restriction { get; set; }
}
