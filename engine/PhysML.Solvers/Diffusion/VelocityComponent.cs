namespace PhysML.Solvers.Diffusion;

/// <summary>One component of a MAC velocity: u on the x-faces, v on the y-faces, w on the z-faces (3D only). The
/// value is the component's axis (0 = x, 1 = y, 2 = z).</summary>
public enum VelocityComponent
{
    U,
    V,
    W,
}
