namespace PhysML.Pde;

/// <summary>The pieces the 1D and 2D Burgers schemes share: the limited slope and the Rusanov flux of f(u) = u²/2.</summary>
public static class BurgersFlux
{
    /// <summary>The MUSCL slope σ (a difference of u, not a derivative) from the backward and forward differences.</summary>
    public static double Slope(BurgersReconstruction reconstruction, double backward, double forward) => reconstruction switch
    {
        BurgersReconstruction.Constant => 0,
        BurgersReconstruction.Minmod => backward * forward <= 0 ? 0 : Math.Abs(backward) < Math.Abs(forward) ? backward : forward,
        BurgersReconstruction.VanLeer => backward * forward <= 0 ? 0 : 2 * backward * forward / (backward + forward),
        _ => 0.5 * (backward + forward),
    };

    /// <summary>
    /// The Rusanov (local Lax–Friedrichs) flux for f(u) = u²/2: ½(f(uL) + f(uR)) − ½·max(|uL|, |uR|)·(uR − uL).
    /// Consistent, monotone in (uL, uR), and it gives shocks the Rankine–Hugoniot speed (uL + uR)/2.
    /// </summary>
    public static double Rusanov(double left, double right) =>
        0.25 * (left * left + right * right) - 0.5 * Math.Max(Math.Abs(left), Math.Abs(right)) * (right - left);
}
