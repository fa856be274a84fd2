using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;
using PhysML.Fluids.ThreeD;
using Xunit.Abstractions;

namespace PhysML.Fluids.Tests.ThreeD;

/// <summary>The 3D fluid step with viscosity against exact Navier–Stokes solutions and against the 2D step.</summary>
public class Viscosity3DTests(ITestOutputHelper output)
{
    private static readonly FlowBoundary3D Periodic = FlowBoundary3D.All(new FlowSide(SideKind.Periodic));
    private const double Nu = 0.05; // m²/s

    [Fact]
    public void A_shear_mode_across_y_and_z_decays_as_exp_minus_2_nu_k2_t()
    {
        // u = sin(ky)·sin(kz), v = w = 0 on the periodic box [0, 2π)²: divergence-free and x-invariant, so u·∇u = 0 and
        // it is an exact Navier–Stokes solution decaying as exp(−2νk²t) (k = 1). The step's advection (x-invariant
        // samples) and projection (zero divergence) leave it alone, so the whole step is the backward Euler factor
        // 1/(1 + ν·dt·2λ_h), λ_h = (4/h²)sin²(kh/2): matched to 1e-10 (CG at 1e-12 on an amplitude of 1).
        // Against the exact decay the error is the scheme's: λ_h = k²(1 − (kh)²/12 + …) costs 2νt·k²(kh)²/12 ≈ 1.3e-3
        // and backward Euler ≈ (steps/2)·(2νk²dt)² ≈ 2.5e-4 relative, so 2e-3 bounds it.
        const int n = 16;
        var h = 2 * Math.PI / n;
        var grid = new MacGrid3D(4, n, n, h);
        var simulation = new FluidSimulation3D(grid, Periodic, new CellKind[grid.CellCount], new Buoyancy(),
            pressureTolerance: 1e-12, maxCfl: 10) { Viscosity = Nu, ViscosityTolerance = 1e-12 };
        double Mode(int j, int k) => Math.Sin((j + 0.5) * h) * Math.Sin((k + 0.5) * h);
        for (var k = 0; k < n; k++)
            for (var j = 0; j < n; j++)
                for (var i = 0; i <= grid.Nx; i++)
                    simulation.Velocity.U[grid.U(i, j, k)] = Mode(j, k);

        const double dt = 0.05;
        const int steps = 20;
        var viscosityIterations = 0;
        for (var s = 0; s < steps; s++) viscosityIterations += simulation.Step(dt, []).ViscosityIterations;

        var lambda = 4 / (h * h) * Math.Pow(Math.Sin(h / 2), 2);
        var discrete = Math.Pow(1 / (1 + Nu * dt * 2 * lambda), steps);
        var exact = Math.Exp(-2 * Nu * simulation.Time);
        var worst = 0.0;
        for (var k = 0; k < n; k++)
            for (var j = 0; j < n; j++)
                for (var i = 0; i <= grid.Nx; i++)
                {
                    var u = simulation.Velocity.U[grid.U(i, j, k)];
                    Assert.Equal(discrete * Mode(j, k), u, 1e-10);
                    worst = Math.Max(worst, Math.Abs(u - exact * Mode(j, k)));
                }
        output.WriteLine($"t = {simulation.Time:F2} s: amplitude {discrete:F6} vs exp(−2νt) {exact:F6}, max error {worst:E2} " +
                         $"(relative {worst / exact:E2}); {viscosityIterations} viscosity iterations");
        Assert.True(worst / exact < 2e-3, $"relative error {worst / exact:E3}");
        Assert.True(viscosityIterations > 0);
        Assert.All(simulation.Velocity.V, v => Assert.Equal(0, v, 1e-12));
        Assert.All(simulation.Velocity.W, w => Assert.Equal(0, w, 1e-12));
    }

    [Fact]
    public void A_z_invariant_viscous_Taylor_Green_vortex_matches_the_2D_step_layer_by_layer()
    {
        // The 3D step on a z-invariant flow does the 2D step on every layer: trilinear = bilinear samples, no
        // z-neighbour differences in the viscous or pressure stencils. Only the solvers' stopping points differ (the
        // 3D MIC(0) factor orders cells differently), and both solve to 1e-12 relative: 1e-9 m/s on U = 1 is ample.
        const int n = 16;
        var h = 2 * Math.PI / n;
        var flat = TaylorGreenTests.Vortex(n, AdvectionScheme.MacCormack);
        flat = new FluidSimulation2D(flat.Domain with { PressureTolerance = 1e-12 }, new CellKind[n * n]);
        var grid = new MacGrid3D(n, n, 3, h);
        var deep = new FluidSimulation3D(grid, Periodic, new CellKind[grid.CellCount], new Buoyancy(),
            pressureTolerance: 1e-12, maxCfl: 10) { Viscosity = flat.Domain.KinematicViscosity, ViscosityTolerance = 1e-12 };
        var flatGrid = flat.Grid;
        for (var k = 0; k < grid.Nz; k++)
        {
            Array.Copy(flat.Velocity.U, 0, deep.Velocity.U, grid.U(0, 0, k), flatGrid.UCount);
            Array.Copy(flat.Velocity.V, 0, deep.Velocity.V, grid.V(0, 0, k), flatGrid.VCount);
        }

        for (var s = 0; s < 10; s++)
        {
            var a = flat.Step(0.2, Array.Empty<SmokeEmitter>());
            var b = deep.Step(0.2, []);
            Assert.Equal(a.Substeps, b.Substeps);
        }

        var worst = 0.0;
        for (var k = 0; k < grid.Nz; k++)
        {
            for (var f = 0; f < flatGrid.UCount; f++) worst = Math.Max(worst, Math.Abs(flat.Velocity.U[f] - deep.Velocity.U[grid.U(0, 0, k) + f]));
            for (var f = 0; f < flatGrid.VCount; f++) worst = Math.Max(worst, Math.Abs(flat.Velocity.V[f] - deep.Velocity.V[grid.V(0, 0, k) + f]));
        }
        output.WriteLine($"max |u_3D − u_2D| after t = {deep.Time:F1} s: {worst:E2} m/s; " +
                         $"2D Taylor–Green error {TaylorGreenVortex.RelativeError(flat.Velocity, 1, flat.Domain.KinematicViscosity, flat.Time):E2}");
        Assert.True(worst < 1e-9, $"max difference {worst:E3}");
        Assert.All(deep.Velocity.W, w => Assert.Equal(0, w, 1e-12));
    }
}
