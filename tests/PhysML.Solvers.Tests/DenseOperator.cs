using PhysML.Solvers;

namespace PhysML.Solvers.Tests;

/// <summary>A dense matrix as an operator, for small systems with known answers.</summary>
internal sealed class DenseOperator(double[,] matrix) : ILinearOperator
{
    public int Size => matrix.GetLength(0);

    public void Apply(ReadOnlySpan<double> x, Span<double> y)
    {
        for (var i = 0; i < Size; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < Size; j++) sum += matrix[i, j] * x[j];
            y[i] = sum;
        }
    }

    /// <summary>The 1D Dirichlet Poisson matrix tridiag(−1, 2, −1), SPD with known eigenvalues.</summary>
    public static DenseOperator Poisson1D(int n)
    {
        var m = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            m[i, i] = 2;
            if (i > 0) m[i, i - 1] = -1;
            if (i < n - 1) m[i, i + 1] = -1;
        }
        return new DenseOperator(m);
    }
}
