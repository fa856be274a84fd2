namespace PhysML.Solvers;

/// <summary>An approximation M of A, applied as z = M⁻¹r (preconditioned CG); symmetric positive definite unless
/// <see cref="IsFlexible"/>.</summary>
public interface IPreconditioner
{
    /// <summary>Short name for solve reports, e.g. <c>jacobi</c> or <c>mic0</c>.</summary>
    string Name { get; }

    /// <summary>
    /// True for a preconditioner that is not a fixed SPD matrix (a network, an inner iteration): CG then uses the
    /// Polak–Ribière β of flexible PCG (Notay 2000), which stays conjugate when M⁻¹ changes from one step to the next.
    /// </summary>
    bool IsFlexible => false;

    void Apply(ReadOnlySpan<double> r, Span<double> z);
}
