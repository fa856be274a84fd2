using PhysML.Fields;
using PhysML.Solvers;

namespace PhysML.Pde;

/// <summary>A = −L₀, the homogeneous 5-point Laplacian negated: symmetric positive semi-definite (definite when an edge
/// is Dirichlet), so conjugate gradient applies.</summary>
public sealed class NegativeLaplacianOperator(Grid2D grid, BoxBoundary boundary) : ILinearOperator
{
    public int Size => grid.CellCount;

    public void Apply(ReadOnlySpan<double> x, Span<double> y)
    {
        Laplacian2D.ApplyHomogeneous(grid, boundary, x, y);
        for (var k = 0; k < y.Length; k++) y[k] = -y[k];
    }
}
