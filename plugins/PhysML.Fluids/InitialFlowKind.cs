namespace PhysML.Fluids;

/// <summary>The velocity a fluid domain starts with.</summary>
public enum InitialFlowKind
{
    /// <summary>At rest.</summary>
    Rest,
    /// <summary>u = speed along x everywhere.</summary>
    Uniform,
    /// <summary>The Taylor–Green vortex u = U sin(kx) cos(ky), v = −U cos(kx) sin(ky), k = 2π/width (needs a square
    /// periodic domain); with viscosity ν it decays as exp(−2νk²t), an exact Navier–Stokes solution.</summary>
    TaylorGreen,
}
