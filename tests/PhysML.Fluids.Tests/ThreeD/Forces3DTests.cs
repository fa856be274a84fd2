using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;
using PhysML.Fluids.ThreeD;

namespace PhysML.Fluids.Tests.ThreeD;

public class Forces3DTests
{
    private static readonly FlowSide Periodic = new(SideKind.Periodic);

    private static FluidSimulation3D PeriodicBox(int n, (double, double, double) bodyForce = default, double confinement = 0) =>
        new(new MacGrid3D(n, n, n, 1.0 / n), new FlowBoundary3D(Periodic, Periodic, Periodic, Periodic, Periodic, Periodic),
            new CellKind[n * n * n], new Buoyancy(), pressureTolerance: 1e-10)
        {
            BodyForce = bodyForce,
            VorticityConfinement = confinement,
        };

    // Mean of the distinct faces of a periodic axis (the last plane duplicates the first).
    private static double Mean(double[] faces, int n, Func<int, int, int, int> index)
    {
        var sum = 0.0;
        for (var k = 0; k < n; k++)
            for (var j = 0; j < n; j++)
                for (var i = 0; i < n; i++) sum += faces[index(i, j, k)];
        return sum / (n * n * n);
    }

    [Fact]
    public void A_body_force_accelerates_a_periodic_box_uniformly_and_exactly()
    {
        // Uniform acceleration of a fluid at rest is divergence-free, so the projection leaves it alone: after 10
        // steps of 0.01 s the velocity is (a·t) everywhere, to rounding.
        var simulation = PeriodicBox(8, (2, -1, 0.5));
        for (var s = 0; s < 10; s++) simulation.Step(0.01, []);
        var g = simulation.Grid;
        Assert.Equal(0.2, Mean(simulation.Velocity.U, 8, g.U), 12);
        Assert.Equal(-0.1, Mean(simulation.Velocity.V, 8, g.V), 12);
        Assert.Equal(0.05, Mean(simulation.Velocity.W, 8, g.W), 12);
        Assert.All(simulation.Velocity.U, u => Assert.Equal(0.2, u, 10));
    }

    [Fact]
    public void A_fan_adds_exactly_its_momentum_to_a_periodic_box()
    {
        // The projection removes a gradient, whose sum over a periodic box is zero, so the x momentum added by the fan
        // (a·dt per face inside its ball) survives exactly.
        const int n = 16;
        var simulation = PeriodicBox(n);
        var fan = new Fan { X = 0.5, Y = 0.5, Z = 0.5, Radius = 0.2, AccelerationX = 3 };
        simulation.Step(0.01, [], [fan]);
        var g = simulation.Grid;
        var h = g.CellSize;
        var inside = 0;
        for (var k = 0; k < n; k++)
            for (var j = 0; j < n; j++)
                for (var i = 0; i < n; i++)
                    if (fan.Contains3D(i * h, (j + 0.5) * h, (k + 0.5) * h)) inside++;
        Assert.True(inside > 100, $"{inside} faces in the ball");
        Assert.Equal(3 * 0.01 * inside / (double)(n * n * n), Mean(simulation.Velocity.U, n, g.U), 12);
    }

    [Fact]
    public void Vorticity_confinement_equals_the_2D_force_on_a_flow_that_does_not_vary_along_z()
    {
        const int n = 16, layers = 4;
        var grid2 = new MacGrid2D(n, n, 1.0 / n);
        var grid3 = new MacGrid3D(n, n, layers, 1.0 / n);
        var flat = new MacVelocity2D(grid2);
        var deep = new MacVelocity3D(grid3);
        var random = new Random(7);
        for (var j = 0; j < n; j++)
            for (var i = 0; i <= n; i++)
            {
                var u = Math.Sin(0.7 * i) * Math.Cos(0.3 * j) + 0.1 * random.NextDouble();
                flat.U[grid2.U(i, j)] = u;
                for (var k = 0; k < layers; k++) deep.U[grid3.U(i, j, k)] = u;
            }
        for (var j = 0; j <= n; j++)
            for (var i = 0; i < n; i++)
            {
                var v = Math.Cos(0.5 * i + 0.2 * j) + 0.1 * random.NextDouble();
                flat.V[grid2.V(i, j)] = v;
                for (var k = 0; k < layers; k++) deep.V[grid3.V(i, j, k)] = v;
            }
        var cells = n * n;
        FluidForces2D.VorticityConfinement(flat, new CellKind[cells], 0.5, 0.1, new double[cells], new double[cells], new double[cells]);
        var scratch = Enumerable.Range(0, 7).Select(_ => new double[cells * layers]).ToArray();
        FluidForces3D.VorticityConfinement(deep, new CellKind[cells * layers], 0.5, 0.1, scratch);

        for (var k = 0; k < layers; k++)
        {
            for (var j = 0; j < n; j++)
                for (var i = 0; i <= n; i++) Assert.Equal(flat.U[grid2.U(i, j)], deep.U[grid3.U(i, j, k)], 14);
            for (var j = 0; j <= n; j++)
                for (var i = 0; i < n; i++) Assert.Equal(flat.V[grid2.V(i, j)], deep.V[grid3.V(i, j, k)], 14);
        }
        Assert.All(deep.W, w => Assert.Equal(0, w));
    }
}
