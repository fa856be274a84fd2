using PhysML.Core.Application;
using PhysML.Fluids;

namespace PhysML.Samples.Vortex;

/// <summary>
/// A custom force field acting on the fluid (scene name <c>samples.vortex</c>, used with <c>fluid</c>): registers the
/// <see cref="VortexForce"/> component and adds its force to every 2D fluid domain through
/// <see cref="FluidExtensions.AddForce(IFluidForce2D)"/>. It adds no system of its own: the fluid step applies the force each substep.
/// </summary>
public sealed class VortexPlugin : IPlugin
{
    public string Name => "samples.vortex";

    public void Build(App app)
    {
        app.RegisterComponent<VortexForce>("vortexForce");
        FluidExtensions.Of(app.World).AddForce(new VortexForceField(app.World));
    }
}
