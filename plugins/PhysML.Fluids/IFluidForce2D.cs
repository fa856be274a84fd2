using PhysML.Fields.Mac;

namespace PhysML.Fluids;

/// <summary>
/// A force field a plugin adds to every 2D fluid domain (registered with <see cref="FluidExtensions.AddForce(IFluidForce2D)"/>): each
/// substep, after the built-in body forces, buoyancy and confinement and before viscosity and the pressure projection,
/// it adds acceleration·dt to the face velocities. The projection then removes whatever part of it is not
/// divergence-free, so a force needs no care about incompressibility.
/// </summary>
public interface IFluidForce2D
{
    /// <summary>Short name for messages, e.g. <c>samples.vortex</c>: an exception from <see cref="Apply"/> is reported
    /// as the fluid step's failure (PML0007), naming this force field.</summary>
    string Name { get; }

    /// <param name="velocity">Face velocities, m/s: u at x = i·h, y = (j + ½)·h; v at x = (i + ½)·h, y = j·h.</param>
    /// <param name="time">Simulated time at the start of the substep, s.</param>
    /// <param name="dt">The substep, s.</param>
    void Apply(MacVelocity2D velocity, double time, double dt);
}
