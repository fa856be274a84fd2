namespace PhysML.Solvers.Multigrid;

/// <summary>
/// Per-cell smoother damping for every level of a multigrid hierarchy: what a learned V-cycle contributes (PhysML.ML's
/// LearnedMultigridModel). The CPU <see cref="MultigridPreconditioner"/> and the Vulkan solver both apply them through
/// <see cref="MultigridHierarchy.ScaleSmoothers"/>, so the same weights run the same V-cycle on either backend.
/// </summary>
public interface ISmootherWeights
{
    /// <summary>Short name for solve reports, e.g. <c>mg-learned</c>.</summary>
    string Name { get; }

    /// <summary>The damping per cell of each level of <paramref name="hierarchy"/> (finest first), each in (0, 1).</summary>
    IReadOnlyList<double[]> For(MultigridHierarchy hierarchy);
}
