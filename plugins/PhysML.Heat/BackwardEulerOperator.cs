using PhysML.Fields;
using PhysML.Solvers;

namespace PhysML.Heat;

/// <summary>A = I − dt·α·L₀, the backward-Euler heat operator: symmetric positive definite because −L₀ is SPSD.</summary>
public sealed class BackwardEulerOperator(Grid2D grid, BoxBoundary boundary, double dtAlpha) : ILinearOperator
{
    public int Size => grid.CellCount;

    public void Apply(ReadOnlySpan<double> x, Span<double> y)
    {
        Laplacian2D.ApplyHomogeneous(grid, boundary, x, y);
        for (var k = 0; k < y.Length; k++) y[k] = x[k] - dtAlpha * y[k];
    }
}
