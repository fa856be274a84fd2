using PhysML.Solvers;

namespace PhysML.Vorticity;

/// <summary>
/// Exact solutions for the mode initial conditions without forcing. A Taylor–Green vortex
/// ω = A·sin(κx·x)·sin(κy·y) and a single mode ω = A·cos(κx·x + κy·y) are eigenfunctions of ∇² with one |κ|², so
/// ψ = ω/|κ|², u·∇ω = J(ψ, ω) = J(ψ, |κ|²ψ) = 0, and ω(t) = ω(0)·exp(−ν|κ|²t) exactly, with κ = 2π(modeX, modeY)/L.
/// </summary>
public static class VorticityAnalytic
{
    /// <summary>True when the domain's set-up has this closed form.</summary>
    public static bool Applies(in VorticityDomain domain) =>
        domain.Forcing == VorticityForcing.None && domain.Initial.Kind != InitialVorticityKind.GaussianRandomField;

    /// <summary>|κ|² of the initial mode, 1/m².</summary>
    public static double WavenumberSquared(in VorticityDomain domain)
    {
        var scale = 2 * Math.PI / domain.Length;
        return scale * scale * ((double)domain.Initial.ModeX * domain.Initial.ModeX + (double)domain.Initial.ModeY * domain.Initial.ModeY);
    }

    /// <summary>ω(x, y, 0) of a mode initial condition, 1/s.</summary>
    public static double InitialValue(in VorticityDomain domain, double x, double y)
    {
        var initial = domain.Initial;
        var kx = 2 * Math.PI * initial.ModeX / domain.Length;
        var ky = 2 * Math.PI * initial.ModeY / domain.Length;
        return initial.Kind switch
        {
            InitialVorticityKind.TaylorGreen => initial.Amplitude * Math.Sin(kx * x) * Math.Sin(ky * y),
            InitialVorticityKind.SingleMode => initial.Amplitude * Math.Cos(kx * x + ky * y),
            _ => throw new ArgumentException($"{initial.Kind} has no closed form", nameof(domain)),
        };
    }

    /// <summary>The exact ω at time <paramref name="time"/> on the n × n grid, index j·n + i.</summary>
    public static void Evaluate(in VorticityDomain domain, double time, Span<double> result)
    {
        var decay = Math.Exp(-domain.Viscosity * WavenumberSquared(domain) * time);
        var n = domain.N;
        var h = domain.Spacing;
        for (var j = 0; j < n; j++)
            for (var i = 0; i < n; i++)
                result[j * n + i] = decay * InitialValue(domain, i * h, j * h);
    }

    /// <summary>‖ω − ω_exact‖₂ / ‖ω_exact‖₂ over the grid.</summary>
    public static double RelativeL2Error(in VorticityDomain domain, double time, ReadOnlySpan<double> vorticity)
    {
        var exact = new double[vorticity.Length];
        Evaluate(domain, time, exact);
        return VectorOps.RelativeError(vorticity, exact);
    }
}
