namespace PhysML.Solvers.Pressure;

/// <summary>
/// MIC(0), the modified incomplete Cholesky factorisation of the 5-point pressure operator (Bridson, "Fluid Simulation
/// for Computer Graphics", 2nd ed., §5.3.3): A ≈ (F + E)F⁻¹(F + E)ᵀ with no fill-in, and the dropped fill added back
/// to the diagonal (τ = 0.97) so row sums are kept — which is what cuts CG's iterations from O(n) to O(√n).
/// Diagonals below σ = 0.25 of A's are replaced by A's (the safety fallback for nearly singular rows).
/// Couplings across a periodic side are left out of the factor (they would break its triangular order); M stays
/// symmetric positive definite, it only approximates those rows less well.
/// </summary>
public sealed class ModifiedIncompleteCholesky2D : IPreconditioner
{
    private const double Tau = 0.97;
    private const double Sigma = 0.25;

    private readonly PressurePoisson2D _a;
    private readonly double[] _precon;
    private readonly double[] _q;

    public ModifiedIncompleteCholesky2D(PressurePoisson2D a)
    {
        _a = a;
        _precon = new double[a.Size];
        _q = new double[a.Size];
        Factor();
    }

    public string Name => "mic0";

    private void Factor()
    {
        var (nx, ny) = (_a.Grid.Nx, _a.Grid.Ny);
        var diagonal = _a.Diagonal;
        var east = _a.East;
        var north = _a.North;
        for (var j = 0; j < ny; j++)
        {
            for (var i = 0; i < nx; i++)
            {
                var k = j * nx + i;
                // A's off-diagonals are −east and −north; squares and products below do not see the sign.
                var w = i > 0 ? east[k - 1] * _precon[k - 1] : 0;
                var s = j > 0 ? north[k - nx] * _precon[k - nx] : 0;
                var e = diagonal[k] - w * w - s * s
                        - Tau * ((i > 0 ? east[k - 1] * north[k - 1] * _precon[k - 1] * _precon[k - 1] : 0)
                                 + (j > 0 ? north[k - nx] * east[k - nx] * _precon[k - nx] * _precon[k - nx] : 0));
                if (e < Sigma * diagonal[k]) e = diagonal[k];
                _precon[k] = 1 / Math.Sqrt(e);
            }
        }
    }

    public void Apply(ReadOnlySpan<double> r, Span<double> z)
    {
        var (nx, ny) = (_a.Grid.Nx, _a.Grid.Ny);
        var east = _a.East;
        var north = _a.North;
        var q = _q;
        // Solve L q = r (forward), then Lᵀ z = q (backward); L's off-diagonal entries are −coupling·precon.
        for (var j = 0; j < ny; j++)
        {
            for (var i = 0; i < nx; i++)
            {
                var k = j * nx + i;
                var t = r[k];
                if (i > 0) t += east[k - 1] * _precon[k - 1] * q[k - 1];
                if (j > 0) t += north[k - nx] * _precon[k - nx] * q[k - nx];
                q[k] = t * _precon[k];
            }
        }
        for (var j = ny - 1; j >= 0; j--)
        {
            for (var i = nx - 1; i >= 0; i--)
            {
                var k = j * nx + i;
                var t = q[k];
                if (i < nx - 1) t += east[k] * _precon[k] * z[k + 1];
                if (j < ny - 1) t += north[k] * _precon[k] * z[k + nx];
                z[k] = t * _precon[k];
            }
        }
    }
}
