// The fluid extension snippet of docs/plugin-guide.md (see GuideParticles.cs for how regions and the guide agree).
using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Fields.Mac3D;
using PhysML.Fluids;

namespace PhysML.Plugins.Tests.Guide;

#region fluid-wind
/// <summary>A steady wind along +x, m/s², on every 3D fluid domain: the fluid plugin calls it each substep, after its
/// own forces and before the pressure projection (which removes any part that is not divergence-free).</summary>
public sealed class Wind3D(double acceleration) : IFluidForce3D
{
    public string Name => "myGame.wind";

    public void Apply(MacVelocity3D velocity, double time, double dt)
    {
        foreach (ref var u in velocity.U.AsSpan()) u += acceleration * dt;
    }
}

public sealed class WindPlugin : IPlugin
{
    public string Name => "myGame.wind";

    // No system of its own: registering the force is all (a 2D domain takes an IFluidForce2D the same way).
    public void Build(App app) => FluidExtensions.Of(app.World).AddForce(new Wind3D(2.0));
}
#endregion

public class GuideFluidForce3DTests
{
    [Fact]
    public void The_wind_of_the_guide_blows_through_an_open_3D_channel()
    {
        using var app = new App(new AppSettings { FixedDelta = 0.01 });
        app.AddPlugin(new WindPlugin());
        app.AddPlugin(new FluidPlugin());
        // Open at both ends along x (outflow: p = 0), inviscid: the wind accelerates the whole channel at 2 m/s².
        var open = new PhysML.Fields.Mac.FlowSide(PhysML.Fields.Mac.SideKind.Outflow);
        var wall = new PhysML.Fields.Mac.FlowSide(PhysML.Fields.Mac.SideKind.NoSlip);
        app.World.Add(app.World.Create(), new FluidDomain
        {
            Nx = 8, Ny = 4, Nz = 4, CellSize = 0.1, Boundary = new PhysML.Fields.Mac.FlowBoundary(open, open, wall, wall),
        });
        app.RunFrame(2);
        var u = app.World.Resource<FieldCatalog>().Find("u")!.Read().ToArray();
        Assert.All(u, value => Assert.Equal(2.0 * 0.02, value, 1e-9));
    }
}
