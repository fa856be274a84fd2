namespace PhysML.DiffusionSorption;

/// <summary>
/// The Thomas algorithm for a tridiagonal system, hand-written because it is twenty lines and the engine's solvers
/// are Krylov methods for SPD operators (the Newton Jacobian here is not symmetric at the Cauchy wall). O(n), no
/// pivoting: stable for the diagonally dominant matrices this plugin builds (|diag| ≥ |lower| + |upper| in every row).
/// </summary>
public static class Tridiagonal
{
    /// <summary>
    /// Solves lower[i]·x[i−1] + diag[i]·x[i] + upper[i]·x[i+1] = rhs[i] (lower[0] and upper[n−1] are ignored).
    /// The solution overwrites <paramref name="rhs"/>; <paramref name="scratch"/> (length n) holds the modified upper
    /// diagonal.
    /// </summary>
    public static void Solve(ReadOnlySpan<double> lower, ReadOnlySpan<double> diag, ReadOnlySpan<double> upper,
        Span<double> rhs, Span<double> scratch)
    {
        var n = diag.Length;
        var m = diag[0];
        scratch[0] = upper[0] / m;
        rhs[0] /= m;
        for (var i = 1; i < n; i++)
        {
            m = diag[i] - lower[i] * scratch[i - 1];
            scratch[i] = i < n - 1 ? upper[i] / m : 0;
            rhs[i] = (rhs[i] - lower[i] * rhs[i - 1]) / m;
        }
        for (var i = n - 2; i >= 0; i--) rhs[i] -= scratch[i] * rhs[i + 1];
    }
}
