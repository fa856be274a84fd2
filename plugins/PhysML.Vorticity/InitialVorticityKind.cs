namespace PhysML.Vorticity;

/// <summary>The shape of the initial vorticity field.</summary>
public enum InitialVorticityKind
{
    /// <summary>A sample of FNO's Gaussian random field with covariance amplitude²·σ²(−Δ + τ²I)^(−α), seeded by the scene.</summary>
    GaussianRandomField,
    /// <summary>ω = amplitude·sin(2π·modeX·x/L)·sin(2π·modeY·y/L): a Laplacian eigenfunction, so u·∇ω = 0 and it only decays.</summary>
    TaylorGreen,
    /// <summary>ω = amplitude·cos(2π(modeX·x + modeY·y)/L): a plane-wave shear flow, also an exact decaying solution.</summary>
    SingleMode,
}
