using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;
using PhysML.Solvers.Pressure;
using PhysML.Solvers.Pressure3D;
using Xunit.Abstractions;

namespace PhysML.Solvers.Tests;

public class Pressure3DProjectionTests(ITestOutputHelper output)
{
    // A tight solve so that what the tests see is the projection's algebra, not the solver's stopping point.
    private static readonly SolverOptions Tight = new() { RelativeTolerance = 1e-10, MaxIterations = 10_000 };

    /// <summary>
    /// Why 1e-5·max|u|/h bounds a solve to 1e-10 (the 2D argument with six faces): after the update −h²·div u_new
    /// equals the true residual b − Aφ, so max|div u_new| ≤ ‖r‖/h² ≤ 1e-10·‖div u‖₂ ≤ 1e-10·√N·6·max|u|/h, which is
    /// ≈ 7e-8·max|u|/h at N = 24³; 1e-5 leaves room for the drift of CG's recursive residual.
    /// </summary>
    private const double DivergenceFactor = 1e-5;

    [Theory]
    [InlineData(PressurePreconditioner.None)]
    [InlineData(PressurePreconditioner.Jacobi)]
    [InlineData(PressurePreconditioner.Mic0)]
    public void A_random_field_in_a_closed_box_with_a_sphere_becomes_divergence_free(PressurePreconditioner preconditioner)
    {
        var grid = new MacGrid3D(24, 24, 24, 1.0 / 24);
        var cells = Sphere(grid, 0.5, 0.5, 0.5, 0.25);
        var velocity = RandomVelocity(grid, seed: 42);
        var maxSpeed = MaxSpeed(velocity);
        var projection = new PressureProjection3D(grid, FlowBoundary3D.ClosedBox, Tight, preconditioner: preconditioner);
        var phi = new double[grid.CellCount];
        var before = PressureProjection3D.MaxDivergence(velocity, cells);

        var info = projection.Project(velocity, cells, phi);

        var after = PressureProjection3D.MaxDivergence(velocity, cells);
        output.WriteLine($"{preconditioner}: max|div| {before:E3} → {after:E3} 1/s ({info.Iterations} iterations, " +
                         $"residual {info.RelativeResidual:E2}); bound {DivergenceFactor * maxSpeed / grid.CellSize:E2}");
        Assert.True(info.Converged);
        Assert.True(projection.Operator!.IsSingular);
        Assert.True(after <= DivergenceFactor * maxSpeed / grid.CellSize, $"max|div| = {after:E3}");
        AssertSolidAndWallFacesAreZero(velocity, cells);
        var (sum, count) = (0.0, 0);
        for (var n = 0; n < phi.Length; n++)
        {
            if (cells[n] == CellKind.Solid) Assert.Equal(0.0, phi[n]);
            else (sum, count) = (sum + phi[n], count + 1);
        }
        // φ's free constant is pinned: zero mean over the fluid, to rounding of the sum.
        Assert.True(Math.Abs(sum / count) < 1e-12 * phi.Max(Math.Abs), $"mean φ = {sum / count:E3}");
    }

    [Fact]
    public void Inflow_below_outflow_above_and_periodic_depth_project_to_a_divergence_free_field()
    {
        var grid = new MacGrid3D(16, 20, 12, 0.05);
        var boundary = new FlowBoundary3D(new FlowSide(SideKind.FreeSlip), new FlowSide(SideKind.NoSlip),
            new FlowSide(SideKind.Inflow, 0.5, InflowProfile.Parabolic), new FlowSide(SideKind.Outflow),
            new FlowSide(SideKind.Periodic), new FlowSide(SideKind.Periodic));
        var cells = Sphere(grid, 0.4, 0.5, 0.3, 0.15);
        var velocity = RandomVelocity(grid, seed: 7);
        var projection = new PressureProjection3D(grid, boundary, Tight, preconditioner: PressurePreconditioner.Mic0);
        var phi = new double[grid.CellCount];

        var info = projection.Project(velocity, cells, phi);

        var after = PressureProjection3D.MaxDivergence(velocity, cells);
        var maxSpeed = MaxSpeed(velocity);
        output.WriteLine($"open box: max|div| {after:E3} 1/s after {info.Iterations} iterations");
        Assert.True(info.Converged);
        Assert.False(projection.Operator!.IsSingular);
        Assert.True(after <= DivergenceFactor * maxSpeed / grid.CellSize, $"max|div| = {after:E3}");
        // The inflow profile is kept; periodic faces agree; mass in = mass out (to the solve's accuracy).
        var (inflow, outflow) = (0.0, 0.0);
        for (var k = 0; k < grid.Nz; k++)
            for (var i = 0; i < grid.Nx; i++)
            {
                var expected = FlowBoundary3D.InflowSpeedAt(boundary.Bottom, (i + 0.5) / grid.Nx, (k + 0.5) / grid.Nz, boundary.PeriodicX, boundary.PeriodicZ);
                // Parabolic along x (walls), uniform along the periodic z.
                Assert.Equal(0.5 * 6 * (i + 0.5) / grid.Nx * (1 - (i + 0.5) / grid.Nx), expected, 14);
                if (cells[grid.Cell(i, 0, k)] == CellKind.Fluid) Assert.Equal(expected, velocity.V[grid.V(i, 0, k)]);
                inflow += velocity.V[grid.V(i, 0, k)];
                outflow += velocity.V[grid.V(i, grid.Ny, k)];
            }
        Assert.True(Math.Abs(inflow - outflow) < 1e-6 * inflow, $"in {inflow}, out {outflow}");
        for (var j = 0; j < grid.Ny; j++)
            for (var i = 0; i < grid.Nx; i++)
                Assert.Equal(velocity.W[grid.W(i, j, 0)], velocity.W[grid.W(i, j, grid.Nz)]);
    }

    private static void AssertSolidAndWallFacesAreZero(MacVelocity3D velocity, CellKind[] cells)
    {
        var g = velocity.Grid;
        bool Solid(int i, int j, int k) => cells[g.Cell(i, j, k)] == CellKind.Solid;
        for (var k = 0; k < g.Nz; k++)
            for (var j = 0; j < g.Ny; j++)
                for (var i = 0; i <= g.Nx; i++)
                    if (i == 0 || i == g.Nx || Solid(i - 1, j, k) || Solid(i, j, k)) Assert.Equal(0.0, velocity.U[g.U(i, j, k)]);
        for (var k = 0; k < g.Nz; k++)
            for (var j = 0; j <= g.Ny; j++)
                for (var i = 0; i < g.Nx; i++)
                    if (j == 0 || j == g.Ny || Solid(i, j - 1, k) || Solid(i, j, k)) Assert.Equal(0.0, velocity.V[g.V(i, j, k)]);
        for (var k = 0; k <= g.Nz; k++)
            for (var j = 0; j < g.Ny; j++)
                for (var i = 0; i < g.Nx; i++)
                    if (k == 0 || k == g.Nz || Solid(i, j, k - 1) || Solid(i, j, k)) Assert.Equal(0.0, velocity.W[g.W(i, j, k)]);
    }

    internal static CellKind[] Sphere(MacGrid3D grid, double cx, double cy, double cz, double r)
    {
        var cells = new CellKind[grid.CellCount];
        var h = grid.CellSize;
        for (var k = 0; k < grid.Nz; k++)
            for (var j = 0; j < grid.Ny; j++)
                for (var i = 0; i < grid.Nx; i++)
                {
                    double dx = (i + 0.5) * h - cx, dy = (j + 0.5) * h - cy, dz = (k + 0.5) * h - cz;
                    if (dx * dx + dy * dy + dz * dz <= r * r) cells[grid.Cell(i, j, k)] = CellKind.Solid;
                }
        return cells;
    }

    private static MacVelocity3D RandomVelocity(MacGrid3D grid, int seed)
    {
        var random = new Random(seed);
        var velocity = new MacVelocity3D(grid);
        foreach (var array in new[] { velocity.U, velocity.V, velocity.W })
            for (var n = 0; n < array.Length; n++) array[n] = 2 * random.NextDouble() - 1;
        return velocity;
    }

    private static double MaxSpeed(MacVelocity3D v) =>
        Math.Max(v.U.Max(Math.Abs), Math.Max(v.V.Max(Math.Abs), v.W.Max(Math.Abs)));
}
