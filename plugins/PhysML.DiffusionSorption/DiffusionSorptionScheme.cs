namespace PhysML.DiffusionSorption;

/// <summary>How the diffusion–sorption equation is stepped in time. Both are implicit, so dt is not limited by the
/// explicit bound dt ≤ R·dx²/(2D) (≈ 1 ms for PDEBench's 1024 cells), and both solve the nonlinear step by Newton's
/// method with one tridiagonal solve per iteration.</summary>
public enum DiffusionSorptionScheme
{
    /// <summary>Backward Euler, R(uⁿ⁺¹)·(uⁿ⁺¹ − uⁿ)/dt = D·∂²uⁿ⁺¹/∂x²: first order in dt, L-stable (no ringing at the
    /// inlet's initial jump), and keeps u ≥ 0.</summary>
    Implicit,
    /// <summary>BDF2, R(uⁿ⁺¹)·(3uⁿ⁺¹ − 4uⁿ + uⁿ⁻¹)/(2dt) = D·∂²uⁿ⁺¹/∂x²: second order in dt, A-stable; its first step
    /// (and any step after dt changes) is a backward-Euler step, which keeps the O(dt²) global error.</summary>
    Bdf2,
}
