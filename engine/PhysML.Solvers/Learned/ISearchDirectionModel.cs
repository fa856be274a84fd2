namespace PhysML.Solvers.Learned;

/// <summary>
/// A learned map from a residual to a search direction: q ≈ s·A⁻¹r for some unknown scale s (Kaneda et al., "A Deep
/// Conjugate Direction Method for Iteratively Solving Linear Systems", ICML 2023). The solvers that use it
/// (<see cref="DeepConjugateDirection"/>, <see cref="LearnedPreconditioner"/>) only need its direction, so the
/// scale is free. Implemented by the TorchSharp networks (PhysML.ML) and by the GPU inference kernels.
/// </summary>
public interface ISearchDirectionModel
{
    /// <summary>Short name for solve reports and checkpoints, e.g. <c>unet16</c>.</summary>
    string Name { get; }

    /// <summary>Counts model replacements (online training swaps weights in), for metrics.</summary>
    int Version { get; }

    /// <summary>
    /// Writes a direction for residual <paramref name="r"/> of system <paramref name="a"/> into <paramref name="q"/>.
    /// Entries of cells that are not unknowns are ignored by the callers. A model may return non-finite values (a
    /// diverged network): the callers detect them and fall back to a classical solve.
    /// </summary>
    void Propose(IPoissonStencil a, ReadOnlySpan<double> r, Span<double> q);
}
