using PhysML.Fields.Mac3D;

namespace PhysML.Fluids;

/// <summary>
/// A force field a plugin adds to every 3D fluid domain (registered with <see cref="FluidExtensions.AddForce(IFluidForce3D)"/>):
/// each substep, after the built-in buoyancy, body force, fans and confinement and before viscosity and the pressure
/// projection, it adds acceleration·dt to the face velocities. As in 2D (<see cref="IFluidForce2D"/>), the projection
/// removes whatever part of it is not divergence-free.
/// </summary>
public interface IFluidForce3D
{
    /// <summary>Short name for messages: an exception from <see cref="Apply"/> is reported as the fluid step's failure
    /// (PML0007), naming this force field.</summary>
    string Name { get; }

    /// <param name="velocity">Face velocities, m/s, on faces of cells of size h: u at x = i·h (y, z at cell centres),
    /// v at y = j·h, w at z = k·h; arrays indexed [k, j, i] with x fastest.</param>
    /// <param name="time">Simulated time at the start of the substep, s.</param>
    /// <param name="dt">The substep, s.</param>
    void Apply(MacVelocity3D velocity, double time, double dt);
}
