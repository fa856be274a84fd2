namespace PhysML.Pde;

/// <summary>The initial velocity of a Burgers domain; k = 2π·mode/L, a = amplitude.</summary>
public enum BurgersInitialKind
{
    /// <summary>1D: u = a·sin(kx). 2D: u = a·sin(kx)·cos(ky), v = a·cos(kx)·sin(ky) (a potential flow: the gradient of
    /// −(a/k)·cos kx·cos ky). Steepens into shocks when ν is small (a·L/ν ≫ 1).</summary>
    Sine,
    /// <summary>An exact Cole–Hopf solution u = −2ν∇ln φ with φ solving the heat equation, a in [0, 1).
    /// 1D: φ = 1 + a·e^{−k²νt}·cos kx, so u = 2νk·a·e^{−k²νt}·sin kx / (1 + a·e^{−k²νt}·cos kx) (with a = ½, k = π,
    /// L = 2 the classic 2νπe^{−π²νt}sin πx / (2 + e^{−π²νt}cos πx)).
    /// 2D: φ = 1 + a·e^{−2k²νt}·cos kx·cos ky.</summary>
    ColeHopf,
    /// <summary>2D only: the 1D Cole–Hopf solution along x with v = 0 (the 1D problem embedded in 2D).</summary>
    ColeHopfX,
}
