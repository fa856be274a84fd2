namespace PhysML.Pde;

/// <summary>
/// How the Burgers schemes reconstruct face values from cell values (MUSCL: u at a face = u_i ± ½σ_i, with the slope
/// σ_i built from the differences Δ⁻ = u_i − u_{i−1} and Δ⁺ = u_{i+1} − u_i).
/// </summary>
public enum BurgersReconstruction
{
    /// <summary>σ = 0: the first-order Rusanov (local Lax–Friedrichs) scheme; O(h) numerical viscosity.</summary>
    Constant,
    /// <summary>σ = minmod(Δ⁻, Δ⁺): TVD, the most dissipative limiter; clips smooth extrema to first order.</summary>
    Minmod,
    /// <summary>σ = 2Δ⁻Δ⁺/(Δ⁻ + Δ⁺) where they agree in sign, else 0 (van Leer 1974): TVD, smooth; second order away
    /// from extrema.</summary>
    VanLeer,
    /// <summary>σ = (Δ⁻ + Δ⁺)/2, no limiter (Fromm): second order everywhere on smooth solutions, but may overshoot
    /// at shocks; for viscous, resolved flows and convergence studies.</summary>
    Unlimited,
}
