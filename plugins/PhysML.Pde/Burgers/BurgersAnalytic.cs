namespace PhysML.Pde;

/// <summary>
/// Exact Cole–Hopf solutions of viscous Burgers on periodic domains. If φ > 0 solves the heat equation φ_t = ν∇²φ, then
/// u = −2ν∇ln φ solves u_t + (u·∇)u = ν∇²u: with ψ = −2ν ln φ and u = ∇ψ (curl-free, so (u·∇)u = ∇|u|²/2),
/// ψ_t + |∇ψ|²/2 − ν∇²ψ = −2ν(φ_t − ν∇²φ)/φ = 0, and its gradient is the equation. We take φ = 1 + a·e^{−k²νt}·cos kx
/// (1D), 1 + a·e^{−2k²νt}·cos kx·cos ky (2D), k = 2π·mode/L, 0 ≤ a &lt; 1 so φ ≥ 1 − a > 0.
/// </summary>
public static class BurgersAnalytic
{
    /// <summary>u(x, t) of the 1D solution: 2νk·a·e^{−k²νt}·sin kx / (1 + a·e^{−k²νt}·cos kx).</summary>
    public static double ColeHopf1D(double x, double time, double viscosity, double k, double a)
    {
        var e = a * Math.Exp(-k * k * viscosity * time);
        return 2 * viscosity * k * e * Math.Sin(k * x) / (1 + e * Math.Cos(k * x));
    }

    /// <summary>(u, v)(x, y, t) of the 2D solution.</summary>
    public static (double U, double V) ColeHopf2D(double x, double y, double time, double viscosity, double k, double a)
    {
        var e = a * Math.Exp(-2 * k * k * viscosity * time);
        var (sx, cx) = Math.SinCos(k * x);
        var (sy, cy) = Math.SinCos(k * y);
        var scale = 2 * viscosity * k * e / (1 + e * cx * cy);
        return (scale * sx * cy, scale * cx * sy);
    }

    /// <summary>The exact u at the cell centres for a Cole–Hopf initial condition.</summary>
    public static void Evaluate(in Burgers1D domain, double time, Span<double> u)
    {
        var k = 2 * Math.PI * domain.Initial.Mode / domain.Length;
        for (var i = 0; i < domain.Nx; i++)
            u[i] = ColeHopf1D((i + 0.5) * domain.Dx, time, domain.Viscosity, k, domain.Initial.Amplitude);
    }

    /// <summary>The exact (u, v) at the cell centres for a Cole–Hopf initial condition (coleHopf or coleHopfX).</summary>
    public static void Evaluate(in Burgers2D domain, double time, Span<double> u, Span<double> v)
    {
        var k = 2 * Math.PI * domain.Initial.Mode / domain.Length;
        var (n, h, nu, a) = (domain.N, domain.Spacing, domain.Viscosity, domain.Initial.Amplitude);
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < n; i++)
            {
                var (x, y) = ((i + 0.5) * h, (j + 0.5) * h);
                (u[j * n + i], v[j * n + i]) = domain.Initial.Kind == BurgersInitialKind.ColeHopfX
                    ? (ColeHopf1D(x, time, nu, k, a), 0.0)
                    : ColeHopf2D(x, y, time, nu, k, a);
            }
        }
    }

    /// <summary>‖u − u_exact‖₂ / ‖u_exact‖₂ over the cells.</summary>
    public static double RelativeL2Error(in Burgers1D domain, double time, ReadOnlySpan<double> u)
    {
        var exact = new double[u.Length];
        Evaluate(domain, time, exact);
        return RelativeL2(u, exact, [], []);
    }

    /// <summary>‖(u, v) − (u, v)_exact‖₂ / ‖(u, v)_exact‖₂ over the cells.</summary>
    public static double RelativeL2Error(in Burgers2D domain, double time, ReadOnlySpan<double> u, ReadOnlySpan<double> v)
    {
        var exactU = new double[u.Length];
        var exactV = new double[v.Length];
        Evaluate(domain, time, exactU, exactV);
        return RelativeL2(u, exactU, v, exactV);
    }

    private static double RelativeL2(ReadOnlySpan<double> u, ReadOnlySpan<double> exactU, ReadOnlySpan<double> v, ReadOnlySpan<double> exactV)
    {
        double diff = 0, norm = 0;
        for (var k = 0; k < u.Length; k++)
        {
            diff += (u[k] - exactU[k]) * (u[k] - exactU[k]);
            norm += exactU[k] * exactU[k];
        }
        for (var k = 0; k < v.Length; k++)
        {
            diff += (v[k] - exactV[k]) * (v[k] - exactV[k]);
            norm += exactV[k] * exactV[k];
        }
        return Math.Sqrt(diff / norm);
    }
}
