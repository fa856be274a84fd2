namespace PhysML.Solvers.Diffusion;

/// <summary>One component of a MAC velocity: u on the vertical faces or v on the horizontal faces.</summary>
public enum VelocityComponent
{
    U,
    V,
}
