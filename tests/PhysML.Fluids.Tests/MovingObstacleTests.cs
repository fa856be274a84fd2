using PhysML.Fields.Mac;

namespace PhysML.Fluids.Tests;

public class MovingObstacleTests
{
    private static readonly FlowBoundary Periodic = FlowBoundary.All(new FlowSide(SideKind.Periodic));

    [Fact]
    public void A_disk_moving_with_a_uniform_stream_leaves_the_stream_undisturbed()
    {
        // Galilean check: in a periodic box flowing uniformly at U, a disk moving at U is at rest relative to the
        // fluid, so the exact solution stays u = U, v = 0 everywhere while the disk travels.
        const int n = 48;
        var domain = new FluidDomain
        {
            Nx = n, Ny = n, CellSize = 1.0 / n, Boundary = Periodic, PressureTolerance = 1e-12,
            Initial = new InitialFlow { Kind = InitialFlowKind.Uniform, Speed = 0.5 }, MaxCfl = 10,
        };
        var disk = new DiskObstacle { X = 0.3, Y = 0.5, Radius = 0.12, VelocityX = 0.5 };
        var simulation = new FluidSimulation2D(domain, new ObstacleSet2D(new[] { ObstacleShape.From(disk) }));
        var solidAtStart = simulation.Cells.Count(c => c == CellKind.Solid);

        for (var s = 0; s < 20; s++) simulation.Step(0.02, Array.Empty<SmokeEmitter>()); // the disk moves 0.2 m

        Assert.All(simulation.Velocity.U, u => Assert.Equal(0.5, u, 9));
        Assert.All(simulation.Velocity.V, v => Assert.Equal(0, v, 9));
        var g = simulation.Grid;
        Assert.Equal(CellKind.Solid, simulation.Cells[g.Cell((int)(0.5 * n), n / 2)]);   // the centre is now at x ≈ 0.5
        Assert.Equal(CellKind.Fluid, simulation.Cells[g.Cell((int)(0.2 * n), n / 2)]);   // and has left x = 0.2
        Assert.InRange(simulation.Cells.Count(c => c == CellKind.Solid), solidAtStart - 6, solidAtStart + 6);
    }

    [Fact]
    public void A_disk_pushed_through_fluid_at_rest_drags_it_along_and_stays_divergence_free()
    {
        const int n = 48;
        var domain = new FluidDomain { Nx = n, Ny = n, CellSize = 1.0 / n, PressureTolerance = 1e-10, Viscosity = 1e-3 };
        var disk = new DiskObstacle { X = 0.3, Y = 0.5, Radius = 0.1, VelocityX = 0.4 };
        var simulation = new FluidSimulation2D(domain, new ObstacleSet2D(new[] { ObstacleShape.From(disk) }));

        for (var s = 0; s < 15; s++)
        {
            var report = simulation.Step(0.02, Array.Empty<SmokeEmitter>());
            Assert.True(report.MaxDivergence * simulation.Grid.CellSize / FluidDiagnostics2D.MaxFaceSpeed(simulation.Velocity) < 1e-5);
        }

        // Faces on the disk carry its velocity; fluid just ahead of it moves forward, pushed out of the way.
        var g = simulation.Grid;
        var centre = (int)((0.3 + 0.4 * simulation.Time) * n);
        Assert.Equal(0.4, simulation.Velocity.U[g.U(centre, n / 2)], 12);
        Assert.True(simulation.Velocity.U[g.U(centre + 8, n / 2)] > 0.05);
    }
}
