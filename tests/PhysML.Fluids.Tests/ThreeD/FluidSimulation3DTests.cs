using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;
using PhysML.Fluids.ThreeD;
using Xunit.Abstractions;

namespace PhysML.Fluids.Tests.ThreeD;

public class FluidSimulation3DTests(ITestOutputHelper output)
{
    private static readonly Buoyancy HotSmoke = new() { TemperatureFactor = 0.1, DensityFactor = 0.01, AmbientTemperature = 300 };
    private static readonly SmokeEmitter3D Emitter = new() { X = 0.5, Y = 0.15, Z = 0.5, Radius = 0.1, DensityRate = 5, Temperature = 320 };
    private static readonly SphereObstacle Ball = new() { X = 0.7, Y = 0.6, Z = 0.45, Radius = 0.15 };

    private static FluidSimulation3D Plume(int n, ParallelOptions? parallel, double pressureTolerance)
    {
        var grid = new MacGrid3D(n, n, n, 1.0 / n);
        return new FluidSimulation3D(grid, FlowBoundary3D.ClosedBox, ObstacleCells3D.Rasterise(grid, [Ball]), HotSmoke,
            pressureTolerance: pressureTolerance, parallel: parallel);
    }

    [Fact]
    public void A_buoyant_plume_in_a_closed_box_with_a_sphere_rises_and_stays_divergence_free()
    {
        // 1e-10: the projection tests' argument then bounds max|div| by ≈ 1e-10·√N·6·max|u*|/h ≈ 7e-8·max|u|/h at
        // N = 24³ (u* the pre-projection field, of the same size here); 1e-5 leaves room for CG's residual drift.
        var sim = Plume(24, null, 1e-10);
        var g = sim.Grid;
        FluidStepReport? report = null;
        for (var s = 0; s < 10; s++)
        {
            report = sim.Step(0.04, [Emitter]);
            var maxSpeed = FluidDiagnostics3D.MaxFaceSpeed(sim.Velocity);
            Assert.True(report.PressureConverged, $"step {s}: residual {report.PressureResidual:E2}");
            Assert.True(report.MaxDivergence <= 1e-5 * maxSpeed / g.CellSize,
                $"step {s}: max|div| {report.MaxDivergence:E3}, bound {1e-5 * maxSpeed / g.CellSize:E3}");
        }
        output.WriteLine($"after 10 steps: t = {sim.Time:F2} s, max|div| {report!.MaxDivergence:E2} 1/s, " +
                         $"{report.PressureIterations} iterations and {report.Substeps} substeps in the last step (advect {report.AdvectMs:F0} ms, project {report.ProjectMs:F0} ms), max face speed {FluidDiagnostics3D.MaxFaceSpeed(sim.Velocity):F3} m/s");

        // Upward flow on the column above the emitter (x = z = 0.5 lies on faces between cells 11 and 12).
        for (var j = 6; j <= 9; j++)
        {
            var v = 0.25 * (sim.Velocity.V[g.V(11, j, 11)] + sim.Velocity.V[g.V(12, j, 11)]
                            + sim.Velocity.V[g.V(11, j, 12)] + sim.Velocity.V[g.V(12, j, 12)]);
            output.WriteLine($"v at y = {j * g.CellSize:F3} m: {v:F4} m/s");
            Assert.True(v > 0.01, $"v = {v} at row {j}");
        }
        // Smoke was emitted and carried, and none of it is inside the ball.
        Assert.True(sim.Density.Sum() > 0);
        for (var n = 0; n < sim.Cells.Length; n++)
            if (sim.Cells[n] == CellKind.Solid) Assert.Equal(0.0, sim.Density[n]);
        Assert.Contains(CellKind.Solid, sim.Cells);
    }

    [Fact]
    public void One_and_two_threads_give_the_same_bits()
    {
        var one = Plume(24, null, 1e-6);
        var two = Plume(24, new ParallelOptions { MaxDegreeOfParallelism = 2 }, 1e-6);
        for (var s = 0; s < 3; s++)
        {
            var a = one.Step(0.05, [Emitter]);
            var b = two.Step(0.05, [Emitter]);
            Assert.Equal(a.PressureIterations, b.PressureIterations);
        }
        Assert.Equal(one.Density, two.Density);
        Assert.Equal(one.Velocity.V, two.Velocity.V);
        Assert.Equal(one.Phi, two.Phi);
    }

    [Fact]
    public void A_boundary_the_3D_core_cannot_honour_is_rejected_with_the_side_named()
    {
        var grid = new MacGrid3D(4, 4, 4, 0.25);
        var halfPeriodic = FlowBoundary3D.ClosedBox with { Top = new FlowSide(SideKind.Periodic) };
        var error = Assert.Throws<ArgumentException>(() =>
            new FluidSimulation3D(grid, halfPeriodic, new CellKind[grid.CellCount], HotSmoke));
        Assert.Contains("boundary.bottom", error.Message);
    }
}
