namespace PhysML.Solvers;

/// <summary>Diagonal (Jacobi) preconditioning, z = r / diag(A): cheap, and the baseline other preconditioners beat.</summary>
public sealed class JacobiPreconditioner(double[] diagonal) : IPreconditioner
{
    public string Name => "jacobi";

    public void Apply(ReadOnlySpan<double> r, Span<double> z)
    {
        for (var k = 0; k < r.Length; k++) z[k] = r[k] / diagonal[k];
    }
}
