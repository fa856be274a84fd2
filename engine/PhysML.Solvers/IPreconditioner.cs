namespace PhysML.Solvers;

/// <summary>A symmetric positive definite approximation M of A, applied as z = M⁻¹r (preconditioned CG).</summary>
public interface IPreconditioner
{
    /// <summary>Short name for solve reports, e.g. <c>jacobi</c> or <c>mic0</c>.</summary>
    string Name { get; }

    void Apply(ReadOnlySpan<double> r, Span<double> z);
}
