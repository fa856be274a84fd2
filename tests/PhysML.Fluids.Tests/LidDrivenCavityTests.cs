using PhysML.Fields.Mac;

namespace PhysML.Fluids.Tests;

/// <summary>The lid-driven cavity at Re = 100 against Ghia, Ghia and Shin (1982), Table I: u on the vertical
/// centreline, the classic published reference for incompressible solvers.</summary>
public class LidDrivenCavityTests
{
    // (y, u/U) on x = 0.5, Re = 100: Ghia, Ghia & Shin, J. Comput. Phys. 48 (1982) 387–411, Table I.
    private static readonly (double Y, double U)[] Ghia =
    {
        (0.9766, 0.84123), (0.9688, 0.78871), (0.9609, 0.73722), (0.9531, 0.68717), (0.8516, 0.23151),
        (0.7344, 0.00332), (0.6172, -0.13641), (0.5000, -0.20581), (0.4531, -0.21090), (0.2813, -0.15662),
        (0.1719, -0.10150), (0.1016, -0.06434), (0.0703, -0.04775), (0.0625, -0.04192), (0.0547, -0.03717),
    };

    [Fact]
    public void Centreline_velocity_at_Re_100_matches_Ghia_et_al()
    {
        const int n = 64;
        var wall = new FlowSide(SideKind.NoSlip);
        var simulation = new FluidSimulation2D(new FluidDomain
        {
            Nx = n, Ny = n, CellSize = 1.0 / n, Reynolds = 100,
            Boundary = new FlowBoundary(wall, wall, wall, new FlowSide(SideKind.NoSlip, Speed: 1)),
            PressureTolerance = 1e-8, MaxCfl = 2,
        }, new CellKind[n * n]);

        // 12 s ≈ 12 lid transits: at Re = 100 the centreline profile has settled (it moved < 1e-3 between 12 s and 20 s).
        for (var s = 0; s < 600; s++) simulation.Step(0.02, Array.Empty<SmokeEmitter>());

        // u faces at x = 0.5 are column n/2; rows sit at y = (j + ½)h. Interpolate linearly to Ghia's points.
        var g = simulation.Grid;
        double UAt(double y)
        {
            var f = Math.Clamp(y / g.CellSize - 0.5, 0, n - 1.000001);
            var j = (int)f;
            var t = f - j;
            return (1 - t) * simulation.Velocity.U[g.U(n / 2, j)] + t * simulation.Velocity.U[g.U(n / 2, j + 1)];
        }
        var deviations = Ghia.Select(p => (p.Y, Ours: UAt(p.Y), p.U, Error: Math.Abs(UAt(p.Y) - p.U))).ToList();
        var worst = deviations.MaxBy(d => d.Error);
        var report = string.Join("; ", deviations.Select(d => $"y={d.Y}: {d.Ours:F4} vs {d.U:F4}"));

        // Measured on 64² cells: the worst point is 0.0035 off (y = 0.73, where u crosses zero), the minimum of u
        // (−0.2109 at y = 0.45) is 0.0025 off. Bounds: 1% of the lid speed everywhere, 0.5% at the minimum — Ghia's
        // own 129² multigrid solution is not exact to better than that either.
        Assert.True(worst.Error < 0.01, $"worst at y={worst.Y}: {worst.Ours:F4} vs {worst.U:F4}. {report}");
        Assert.InRange(deviations.Single(d => d.Y == 0.4531).Ours, -0.2109 - 0.005, -0.2109 + 0.005);
    }
}
