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

    [Fact]
    public void An_oscillating_disk_follows_its_path_and_carries_its_velocity()
    {
        var disk = new DiskObstacle { X = 0.5, Y = 0.5, Radius = 0.1, Oscillation = new Oscillation { AmplitudeX = 0.2, Frequency = 0.5 } };
        var shape = ObstacleShape.From(disk);

        // x(t) = 0.5 + 0.2·sin(πt): a quarter period (0.5 s) in it is 0.2 m right and at rest; half a period (1 s) in it
        // is back at the start, moving left at 2π·0.5·0.2 m/s.
        Assert.Equal(0.2, shape.OffsetAt(0.5).X, 12);
        Assert.Equal(0.0, shape.VelocityAt(0.5).X, 12);
        Assert.Equal(-0.2 * Math.PI, shape.VelocityAt(1.0).X, 12);
        Assert.True(shape.ContainsAt(0.5, 0.75, 0.5) && !shape.ContainsAt(0, 0.75, 0.5));

        const int n = 40;
        var simulation = new FluidSimulation2D(new FluidDomain { Nx = n, Ny = n, CellSize = 1.0 / n, PressureTolerance = 1e-10, MaxCfl = 10 },
            new ObstacleSet2D(new[] { shape })); // one substep per step
        var start = (CellKind[])simulation.Cells.Clone();
        for (var s = 0; s < 40; s++)
        {
            var report = simulation.Step(0.05, Array.Empty<SmokeEmitter>()); // 2 s: one full period
            Assert.True(report.MaxDivergence * simulation.Grid.CellSize / FluidDiagnostics2D.MaxFaceSpeed(simulation.Velocity) < 1e-5);
        }
        // The last substep rasterised the disk where it was when that substep began, t = 1.95 s.
        var lastStart = simulation.Time - 0.05;
        Assert.Equal(1.95, lastStart, 9);
        var g = simulation.Grid;
        for (var j = 0; j < n; j++)
            for (var i = 0; i < n; i++)
                Assert.Equal(shape.ContainsAt(lastStart, (i + 0.5) / n, (j + 0.5) / n) ? CellKind.Solid : CellKind.Fluid, simulation.Cells[g.Cell(i, j)]);
        Assert.NotEqual(start, simulation.Cells);
    }
}
