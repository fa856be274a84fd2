namespace PhysML.Solvers;

/// <summary>
/// A symmetric cell-centred Poisson operator given by its stencil: per cell the diagonal and the couplings across the
/// +x (east), +y (north) and +z (front) faces, periodic wraps included; A's off-diagonal entries are minus the
/// couplings, the rest follows from symmetry. Cells that are not unknowns have identity rows and no couplings.
/// Multigrid and the GPU solvers read an operator through this, whatever its dimension (2D has Front all zero).
/// </summary>
public interface IPoissonStencil : IParallelLinearOperator
{
    StencilShape Shape { get; }

    ReadOnlySpan<double> Diagonal { get; }
    ReadOnlySpan<double> East { get; }
    ReadOnlySpan<double> North { get; }
    ReadOnlySpan<double> Front { get; }

    /// <summary>Counts stencil rebuilds, so preconditioners know when to rebuild theirs.</summary>
    int Version { get; }

    /// <summary>True when cell <paramref name="n"/> is a pressure unknown (not an identity row).</summary>
    bool IsUnknown(int n);

    /// <summary>True when some connected region of unknowns has no Dirichlet (open) face, so A is only semi-definite.</summary>
    bool IsSingular { get; }

    /// <summary>The number of connected regions of unknowns.</summary>
    int RegionCount { get; }

    /// <summary>The region of an unknown cell, −1 for identity rows.</summary>
    int RegionOf(int n);

    /// <summary>True when <paramref name="region"/> has no open face (its solution is defined up to a constant).</summary>
    bool IsFloating(int region);
}
