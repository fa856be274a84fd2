using PhysML.Core.Checkpoints;

namespace PhysML.Pde;

/// <summary>
/// The state and numerics of one periodic 1D Burgers domain. Stored on the domain's entity as a (managed) component.
/// <para>
/// Space: finite volumes in flux form, du_i/dt = −(F_{i+½} − F_{i−½})/dx with
/// <code>  F_{i+½} = Rusanov(u_{i+½}⁻, u_{i+½}⁺) − ν(u_{i+1} − u_i)/dx,   u_{i+½}⁻ = u_i + ½σ_i,  u_{i+½}⁺ = u_{i+1} − ½σ_{i+1}</code>
/// (MUSCL reconstruction with the slopes of <see cref="BurgersReconstruction"/>, the Rusanov flux of
/// <see cref="BurgersFlux"/>, the centred viscous flux). Second order on smooth solutions (first with
/// <see cref="BurgersReconstruction.Constant"/>; limiters clip smooth extrema, which costs a little of the order in
/// L2). The flux form makes Σu_i·dx (momentum) exactly conserved, to rounding, and gives shocks the right speed.
/// </para>
/// <para>
/// Time: Heun's method in its SSP (strong-stability-preserving) form, u* = uⁿ + dt·R(uⁿ),
/// uⁿ⁺¹ = ½uⁿ + ½(u* + dt·R(u*)) (Shu–Osher 1988): second order, and a convex combination of forward-Euler stages, so
/// the stage bound <see cref="Burgers1D.Courant"/> ≤ 1 carries over. Explicit diffusion: dt ≤ dx²/(2ν) is part of
/// that bound, which suits the moderate viscosities of these scenes.
/// </para>
/// </summary>
public sealed partial class Burgers1DSimulation : ICheckpointable
{
    private readonly double[] _stage;
    private readonly double[] _rate;
    private readonly double[] _slope;
    private readonly double[] _flux;  // _flux[i] = F_{i+½}

    public Burgers1DSimulation(Burgers1D domain)
    {
        Domain = domain;
        Dx = domain.Dx;
        var n = domain.Nx;
        U = new double[n];
        _stage = new double[n];
        _rate = new double[n];
        _slope = new double[n];
        _flux = new double[n];
        if (domain.Initial.IsColeHopf) BurgersAnalytic.Evaluate(domain, 0, U);
        else
        {
            var k = 2 * Math.PI * domain.Initial.Mode / domain.Length;
            for (var i = 0; i < n; i++) U[i] = domain.Initial.Amplitude * Math.Sin(k * (i + 0.5) * Dx);
        }
    }

    public Burgers1D Domain { get; }
    public double Dx { get; }

    /// <summary>Velocity per cell, m/s, from x = 0.</summary>
    public double[] U { get; }

    /// <summary>Simulated time since the initial condition, s.</summary>
    public double Time { get; private set; }

    /// <summary>∫u dx, m²/s: conserved.</summary>
    public double Momentum
    {
        get
        {
            double sum = 0;
            foreach (var u in U) sum += u;
            return sum * Dx;
        }
    }

    /// <summary>½∫u² dx, m³/s²: non-increasing.</summary>
    public double Energy
    {
        get
        {
            double sum = 0;
            foreach (var u in U) sum += u * u;
            return 0.5 * sum * Dx;
        }
    }

    public double MaxAbs
    {
        get
        {
            double max = 0;
            foreach (var u in U) max = Math.Max(max, Math.Abs(u));
            return max;
        }
    }

    /// <summary>Advances by <paramref name="dt"/> seconds; returns the step's <see cref="Burgers1D.Courant"/> number.</summary>
    public double Step(double dt)
    {
        var courant = Burgers1D.Courant(dt, Dx, Domain.Viscosity, MaxAbs);
        var u = U;
        var stage = _stage;
        Rate(u, _rate);
        for (var i = 0; i < u.Length; i++) stage[i] = u[i] + dt * _rate[i];
        Rate(stage, _rate);
        for (var i = 0; i < u.Length; i++) u[i] = 0.5 * u[i] + 0.5 * (stage[i] + dt * _rate[i]);
        Time += dt;
        return courant;
    }

    /// <summary>rate = −(F_{i+½} − F_{i−½})/dx for the field <paramref name="u"/>.</summary>
    private void Rate(double[] u, double[] rate)
    {
        var n = u.Length;
        var reconstruction = Domain.Reconstruction;
        var nuOverDx = Domain.Viscosity / Dx;
        for (var i = 0; i < n; i++)
        {
            var west = u[i == 0 ? n - 1 : i - 1];
            var east = u[i == n - 1 ? 0 : i + 1];
            _slope[i] = BurgersFlux.Slope(reconstruction, u[i] - west, east - u[i]);
        }
        for (var i = 0; i < n; i++)
        {
            var e = i == n - 1 ? 0 : i + 1;
            _flux[i] = BurgersFlux.Rusanov(u[i] + 0.5 * _slope[i], u[e] - 0.5 * _slope[e]) - nuOverDx * (u[e] - u[i]);
        }
        for (var i = 0; i < n; i++) rate[i] = -(_flux[i] - _flux[i == 0 ? n - 1 : i - 1]) / Dx;
    }
}
