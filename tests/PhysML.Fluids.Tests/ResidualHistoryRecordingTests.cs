using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Fields.Mac;
using Xunit;

namespace PhysML.Fluids.Tests;

/// <summary>
/// The viewer's HUD plots the last pressure solve's residual history from the <see cref="ResidualHistory"/> resource;
/// both the 2D and the 3D fluid steps must fill it (the 3D one once did not: the HUD showed "0 it").
/// </summary>
public class ResidualHistoryRecordingTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public void A_fluid_step_records_the_last_pressure_solves_residual_history(int nz)
    {
        var wall = new FlowSide(SideKind.NoSlip);
        var domain = new FluidDomain
        {
            Nx = 8, Ny = 8, Nz = nz, CellSize = 0.125,
            Boundary = new FlowBoundary(wall, wall, wall, new FlowSide(SideKind.Outflow)),
        };
        using var app = new App(new AppSettings { FixedDelta = 0.01 });
        app.World.SetResource(new ResidualHistory());
        app.AddPlugin(new FluidPlugin());
        app.World.Add(app.World.Create(), domain);
        // An emitter that pushes fluid upwards: a divergent velocity, so every projection has work to do.
        app.World.Add(app.World.Create(), new SmokeEmitter { X = 0.5, Y = 0.3, Z = nz > 0 ? 0.5 : 0, Radius = 0.2, VelocityY = 1 });
        app.RunFrame(2);

        var residuals = app.World.Resource<ResidualHistory>().Residuals;
        Assert.True(residuals.Count >= 2, $"{residuals.Count} residuals recorded");
        Assert.True(residuals[^1] < residuals[0], $"the solve did not reduce the residual: {string.Join(", ", residuals)}");
    }
}
