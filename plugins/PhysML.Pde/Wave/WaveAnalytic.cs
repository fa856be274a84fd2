using PhysML.Fields;
using PhysML.Solvers;

namespace PhysML.Pde;

/// <summary>
/// The standing sine mode of a clamped membrane started at rest: u = A·sin(kx·x)·sin(ky·y)·T(t), kx = mπ/W, ky = nπ/H,
/// ω = c·√(kx² + ky²), and T(t) = e^{−γt/2}(cos ω_d t + γ/(2ω_d)·sin ω_d t) with ω_d = √(ω² − γ²/4) (underdamped;
/// T = cos ωt without damping).
/// </summary>
public static class WaveAnalytic
{
    /// <summary>True when the membrane's set-up has this closed form.</summary>
    public static bool Applies(in WaveMembrane membrane)
    {
        var b = membrane.Boundary;
        static bool ZeroWall(EdgeCondition e) => e.Kind == BoundaryKind.Dirichlet && e.Value == 0;
        return membrane.Initial.Kind == WaveInitialKind.SineMode &&
               ZeroWall(b.Left) && ZeroWall(b.Right) && ZeroWall(b.Bottom) && ZeroWall(b.Top) &&
               membrane.Damping < 2 * AngularFrequency(membrane);
    }

    /// <summary>ω = c·√(kx² + ky²), rad/s.</summary>
    public static double AngularFrequency(in WaveMembrane membrane)
    {
        var (kx, ky) = Wavenumbers(membrane);
        return membrane.WaveSpeed * Math.Sqrt(kx * kx + ky * ky);
    }

    /// <summary>
    /// The undamped scheme's own frequency for the mode: the 5-point Laplacian has the mode as an exact eigenvector with
    /// ω_s² = c²(4/dx²·sin²(kx·dx/2) + 4/dy²·sin²(ky·dy/2)), and leapfrog turns that into cos(ω_h·dt) = 1 − (ω_s·dt)²/2.
    /// To leading order ω_h/ω − 1 = (ω²dt² − (kx⁴dx² + ky⁴dy²)/|k|²)/24: O(dt²) faster from leapfrog, O(h²) slower from
    /// the stencil, so at a fixed Courant number the phase error is second order in h.
    /// </summary>
    public static double DiscreteAngularFrequency(in WaveMembrane membrane, double dt)
    {
        var (kx, ky) = Wavenumbers(membrane);
        var grid = membrane.Grid;
        var sx = Math.Sin(kx * grid.Dx / 2) / grid.Dx;
        var sy = Math.Sin(ky * grid.Dy / 2) / grid.Dy;
        var omegaS2 = 4 * membrane.WaveSpeed * membrane.WaveSpeed * (sx * sx + sy * sy);
        return Math.Acos(1 - omegaS2 * dt * dt / 2) / dt;
    }

    public static void Evaluate(in WaveMembrane membrane, double time, Span<double> result)
    {
        var (kx, ky) = Wavenumbers(membrane);
        var omega = AngularFrequency(membrane);
        var gamma = membrane.Damping;
        var omegaD = Math.Sqrt(omega * omega - gamma * gamma / 4);
        var envelope = membrane.Initial.Amplitude * Math.Exp(-gamma * time / 2) *
                       (Math.Cos(omegaD * time) + gamma / (2 * omegaD) * Math.Sin(omegaD * time));
        var grid = membrane.Grid;
        for (var j = 0; j < grid.Ny; j++)
            for (var i = 0; i < grid.Nx; i++)
                result[grid.Index(i, j)] = envelope * Math.Sin(kx * grid.CenterX(i)) * Math.Sin(ky * grid.CenterY(j));
    }

    /// <summary>‖u − u_exact‖₂ / ‖mode‖₂ over the cells: the error relative to the mode's amplitude, so that it stays
    /// meaningful when cos ωt passes through zero.</summary>
    public static double RelativeL2Error(in WaveMembrane membrane, double time, ReadOnlySpan<double> displacement)
    {
        var exact = new double[displacement.Length];
        var mode = new double[displacement.Length];
        Evaluate(membrane, time, exact);
        Evaluate(membrane, 0, mode);
        return VectorOps.RelativeError(displacement, exact, mode);
    }

    private static (double Kx, double Ky) Wavenumbers(in WaveMembrane membrane) =>
        (membrane.Initial.ModeX * Math.PI / membrane.Width, membrane.Initial.ModeY * Math.PI / membrane.Height);
}
