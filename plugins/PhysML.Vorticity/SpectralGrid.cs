namespace PhysML.Vorticity;

/// <summary>
/// Wavenumbers of an n × n periodic grid of side L, index j·n + i for mode (kx, ky) with k = i for i &lt; n/2 and
/// i − n otherwise (FFT order). κ = 2πk/L in 1/m.
/// </summary>
public sealed class SpectralGrid
{
    public SpectralGrid(int n, double length)
    {
        N = n;
        Length = length;
        Cutoff = n / 3;
        var count = n * n;
        DerivativeX = new double[count];
        DerivativeY = new double[count];
        WavenumberSquared = new double[count];
        InverseWavenumberSquared = new double[count];
        Dealias = new double[count];
        var scale = 2 * Math.PI / length;
        for (var j = 0; j < n; j++)
        {
            var ky = Index(j, n);
            for (var i = 0; i < n; i++)
            {
                var kx = Index(i, n);
                var k = j * n + i;
                // First derivatives drop the Nyquist mode: i·κ·X at k = −n/2 has no partner at +n/2, so it would not be
                // Hermitian and its inverse would not be real (Trefethen, Spectral Methods in MATLAB, ch. 3).
                DerivativeX[k] = 2 * i == n ? 0 : scale * kx;
                DerivativeY[k] = 2 * j == n ? 0 : scale * ky;
                WavenumberSquared[k] = scale * scale * ((double)kx * kx + (double)ky * ky);
                InverseWavenumberSquared[k] = k == 0 ? 0 : 1 / WavenumberSquared[k];
                // Orszag's 2/3 rule on the square: a product of two fields with |kx|, |ky| ≤ n/3 aliases only onto
                // |k| ≥ n − 2⌊n/3⌋ > n/3, so zeroing those modes removes every aliased contribution.
                Dealias[k] = Math.Abs(kx) <= Cutoff && Math.Abs(ky) <= Cutoff ? 1 : 0;
            }
        }
    }

    public int N { get; }
    public double Length { get; }

    /// <summary>Largest |kx|, |ky| the 2/3 rule keeps: ⌊n/3⌋ (FNO's |k| ≤ (2/3)(n/2)).</summary>
    public int Cutoff { get; }

    /// <summary>κx for ∂/∂x, 1/m; 0 at the Nyquist column.</summary>
    public double[] DerivativeX { get; }
    /// <summary>κy for ∂/∂y, 1/m; 0 at the Nyquist row.</summary>
    public double[] DerivativeY { get; }
    /// <summary>|κ|² = −(symbol of ∇²), 1/m².</summary>
    public double[] WavenumberSquared { get; }
    /// <summary>1/|κ|², 0 for the mean mode (the mean of ψ is fixed to 0).</summary>
    public double[] InverseWavenumberSquared { get; }
    /// <summary>1 where the 2/3 rule keeps a mode, else 0.</summary>
    public double[] Dealias { get; }

    /// <summary>The signed wavenumber index of FFT bin <paramref name="i"/>.</summary>
    public static int Index(int i, int n) => 2 * i < n ? i : i - n;
}
