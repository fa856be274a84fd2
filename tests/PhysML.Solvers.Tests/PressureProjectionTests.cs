using PhysML.Fields.Mac;
using PhysML.Solvers.Pressure;
using Xunit.Abstractions;

namespace PhysML.Solvers.Tests;

public class PressureProjectionTests(ITestOutputHelper output)
{
    // A tight solve so that what the tests see is the projection's algebra, not the solver's stopping point.
    private static readonly SolverOptions Tight = new() { RelativeTolerance = 1e-10, MaxIterations = 10_000 };

    /// <summary>
    /// Why 1e-5 × max|u|/h is a safe bound for a solve to 1e-10: after the update, −h²·div u_new equals the true
    /// residual b − Aφ exactly (up to rounding), so max|div u_new| ≤ ‖r‖/h² ≤ 1e-10·‖b‖/h² = 1e-10·‖div u‖₂
    /// ≤ 1e-10·√N·4·max|u|/h, which is ≈ 2e-8·max|u|/h at N = 48²; 1e-5 leaves room for the recursive residual's drift.
    /// </summary>
    private const double DivergenceFactor = 1e-5;

    [Fact]
    public void Projecting_with_two_threads_gives_the_same_bits_as_with_one()
    {
        // 160² cells: the vectors span several reduction chunks, so the parallel paths really run.
        var grid = new MacGrid2D(160, 160, 1.0 / 160);
        var cells = Disc(grid, 0.5, 0.5, 0.2);
        (MacVelocity2D Velocity, double[] Phi) Project(ParallelOptions? parallel)
        {
            var velocity = RandomVelocity(grid, seed: 9);
            var phi = new double[grid.CellCount];
            new PressureProjection2D(grid, FlowBoundary.ClosedBox, Tight, parallel).Project(velocity, cells, phi);
            return (velocity, phi);
        }

        var one = Project(null);
        var two = Project(new ParallelOptions { MaxDegreeOfParallelism = 2 });

        Assert.Equal(one.Phi, two.Phi);
        Assert.Equal(one.Velocity.U, two.Velocity.U);
        Assert.Equal(one.Velocity.V, two.Velocity.V);
    }

    [Fact]
    public void A_random_field_in_a_closed_box_with_an_obstacle_becomes_divergence_free()
    {
        var grid = new MacGrid2D(48, 48, 1.0 / 48);
        var cells = Disc(grid, 0.5, 0.5, 0.2);
        var velocity = RandomVelocity(grid, seed: 42);
        var maxSpeed = MaxSpeed(velocity);
        var projection = new PressureProjection2D(grid, FlowBoundary.ClosedBox, Tight);
        var phi = new double[grid.CellCount];
        var before = PressureProjection2D.MaxDivergence(velocity, cells);

        var info = projection.Project(velocity, cells, phi);

        var after = PressureProjection2D.MaxDivergence(velocity, cells);
        output.WriteLine($"closed box: max|div| {before:E3} → {after:E3} 1/s ({info.Iterations} CG iterations, " +
                         $"residual {info.RelativeResidual:E2}); bound {DivergenceFactor * maxSpeed / grid.CellSize:E2}");
        Assert.True(info.Converged);
        Assert.True(projection.Operator!.IsSingular);
        Assert.True(after <= DivergenceFactor * maxSpeed / grid.CellSize, $"max|div| = {after:E3}");
        AssertSolidFacesAreZero(velocity, cells);
        for (var j = 0; j < grid.Ny; j++)
        {
            Assert.Equal(0.0, velocity.U[grid.U(0, j)]);
            Assert.Equal(0.0, velocity.U[grid.U(grid.Nx, j)]);
        }
        for (var i = 0; i < grid.Nx; i++)
        {
            Assert.Equal(0.0, velocity.V[grid.V(i, 0)]);
            Assert.Equal(0.0, velocity.V[grid.V(i, grid.Ny)]);
        }
        // φ is pinned to zero mean over the fluid (the null space of the all-Neumann system) and 0 in the obstacle.
        var (sum, count) = (0.0, 0);
        for (var k = 0; k < phi.Length; k++)
        {
            if (cells[k] == CellKind.Solid) Assert.Equal(0.0, phi[k]);
            else (sum, count) = (sum + phi[k], count + 1);
        }
        Assert.True(Math.Abs(sum / count) < 1e-12 * MaxAbs(phi), $"mean φ = {sum / count:E3}");
    }

    [Fact]
    public void A_channel_with_parabolic_inflow_and_outflow_conserves_the_flux()
    {
        var grid = new MacGrid2D(64, 32, 1.0 / 32);
        var cells = Disc(grid, 0.6, 0.45, 0.15);
        var boundary = new FlowBoundary(
            Left: new FlowSide(SideKind.Inflow, Speed: 1.0, Profile: InflowProfile.Parabolic),
            Right: new FlowSide(SideKind.Outflow),
            Bottom: new FlowSide(SideKind.NoSlip),
            Top: new FlowSide(SideKind.FreeSlip));
        var velocity = RandomVelocity(grid, seed: 5);
        var projection = new PressureProjection2D(grid, boundary, Tight);
        var phi = new double[grid.CellCount];

        var info = projection.Project(velocity, cells, phi);

        var h = grid.CellSize;
        var maxSpeed = Math.Max(MaxSpeed(velocity), 1.5); // the parabolic peak is 1.5 × the mean speed
        var after = PressureProjection2D.MaxDivergence(velocity, cells);
        var (inflow, outflow) = (0.0, 0.0);
        for (var j = 0; j < grid.Ny; j++)
        {
            var s = (j + 0.5) / grid.Ny;
            Assert.Equal(6 * s * (1 - s), velocity.U[grid.U(0, j)], 15);
            inflow += velocity.U[grid.U(0, j)] * h;
            outflow += velocity.U[grid.U(grid.Nx, j)] * h;
        }
        output.WriteLine($"channel: max|div| {after:E3} 1/s, {info.Iterations} iterations; inflow flux {inflow:R} m²/s, " +
                         $"outflow flux {outflow:R} m²/s, relative difference {Math.Abs(inflow - outflow) / inflow:E3}");
        Assert.True(info.Converged);
        Assert.False(projection.Operator!.IsSingular);
        Assert.True(after <= DivergenceFactor * maxSpeed / h, $"max|div| = {after:E3}");
        // The net flux is h²·Σ div over the fluid ≤ √N·‖r‖ ≤ √N·1e-10·‖b‖ ≈ 1e-10 relative here; 1e-8 leaves margin.
        Assert.Equal(0, (inflow - outflow) / inflow, 8);
        // The faces sample the parabola 6s(1 − s) at midpoints; the midpoint rule's error −(Δs²/24)·f'' with f'' = −12
        // makes the inflow flux (1 + 1/(2·Ny²)) × mean speed × height, here with height 1 m and mean speed 1 m/s.
        Assert.Equal(1 + 1.0 / (2 * grid.Ny * grid.Ny), inflow, 12);
        AssertSolidFacesAreZero(velocity, cells);
        for (var i = 0; i < grid.Nx; i++)
        {
            Assert.Equal(0.0, velocity.V[grid.V(i, 0)]);
            Assert.Equal(0.0, velocity.V[grid.V(i, grid.Ny)]);
        }
    }

    [Fact]
    public void A_periodic_shear_flow_is_left_unchanged()
    {
        var grid = new MacGrid2D(32, 32, 1.0 / 32);
        var cells = new CellKind[grid.CellCount];
        var velocity = new MacVelocity2D(grid);
        for (var j = 0; j < grid.Ny; j++)
            for (var i = 0; i <= grid.Nx; i++)
                velocity.U[grid.U(i, j)] = Math.Sin(2 * Math.PI * (j + 0.5) * grid.CellSize);
        var original = (double[])velocity.U.Clone();
        var phi = new double[grid.CellCount];

        var info = new PressureProjection2D(grid, FlowBoundary.All(new FlowSide(SideKind.Periodic)), Tight)
            .Project(velocity, cells, phi);

        Assert.True(info.Converged);
        for (var f = 0; f < original.Length; f++) Assert.Equal(original[f], velocity.U[f], 12);
        Assert.All(velocity.V, value => Assert.Equal(0.0, value, 12));
    }

    [Fact]
    public void A_periodic_gradient_field_is_removed()
    {
        // u = ∇ψ with the same differences the projection uses, for a random (seeded) ψ: its divergence is the
        // discrete Laplacian of ψ, so φ = ψ − mean(ψ) and the projected field is 0.
        var grid = new MacGrid2D(32, 24, 1.0 / 32);
        var (nx, ny, h) = (grid.Nx, grid.Ny, grid.CellSize);
        var random = new Random(9);
        var psi = new double[grid.CellCount];
        for (var k = 0; k < psi.Length; k++) psi[k] = random.NextDouble();
        var velocity = new MacVelocity2D(grid);
        for (var j = 0; j < ny; j++)
        {
            for (var i = 0; i <= nx; i++)
                velocity.U[grid.U(i, j)] = (psi[grid.Cell(i % nx, j)] - psi[grid.Cell((i + nx - 1) % nx, j)]) / h;
        }
        for (var j = 0; j <= ny; j++)
        {
            for (var i = 0; i < nx; i++)
                velocity.V[grid.V(i, j)] = (psi[grid.Cell(i, j % ny)] - psi[grid.Cell(i, (j + ny - 1) % ny)]) / h;
        }
        var maxSpeed = MaxSpeed(velocity);
        var cells = new CellKind[grid.CellCount];
        var phi = new double[grid.CellCount];

        var options = Tight with { RelativeTolerance = 1e-12 };
        var info = new PressureProjection2D(grid, FlowBoundary.All(new FlowSide(SideKind.Periodic)), options)
            .Project(velocity, cells, phi);

        var left = MaxSpeed(velocity);
        output.WriteLine($"periodic gradient: max|u| {maxSpeed:E3} → {left:E3} m/s after {info.Iterations} iterations");
        Assert.True(info.Converged);
        // What is left is −∇e for the algebraic error e; h²|∇e|² summed ≤ ‖r‖²/λ_min(A on mean-free vectors) with
        // λ_min = 4sin²(π/Nx) ≈ 0.04, so max|u_new| ≲ 5·1e-12·‖b‖/h ≈ 1e-9·max|u|. 1e-8 is that with a safety factor.
        Assert.True(left <= 1e-8 * maxSpeed, $"max|u| after projection = {left:E3}");
        var mean = phi.Average();
        for (var k = 0; k < psi.Length; k++) Assert.Equal(psi[k] - psi.Average(), phi[k] - mean, 9);
    }

    [Fact]
    public void A_fluid_pocket_sealed_by_a_ring_is_projected_on_its_own()
    {
        // Outflow on the right anchors the outer fluid, but the pocket inside a solid ring touches no outflow: it is a
        // floating region of its own (its φ is defined up to a constant), though the operator as a whole is not.
        var grid = new MacGrid2D(32, 32, 1.0 / 32);
        var cells = new CellKind[grid.CellCount];
        for (var j = 8; j < 24; j++)
            for (var i = 8; i < 24; i++)
                if (i is 8 or 23 || j is 8 or 23) cells[grid.Cell(i, j)] = CellKind.Solid;
        var boundary = FlowBoundary.ClosedBox with { Right = new FlowSide(SideKind.Outflow) };
        var velocity = RandomVelocity(grid, seed: 21);
        var maxSpeed = MaxSpeed(velocity);
        var projection = new PressureProjection2D(grid, boundary, Tight);
        var phi = new double[grid.CellCount];

        var info = projection.Project(velocity, cells, phi);

        var a = projection.Operator!;
        Assert.Equal(2, a.RegionCount);
        Assert.True(a.IsSingular);
        Assert.True(info.Converged, $"{info.Iterations} iterations, residual {info.RelativeResidual:E2}");
        Assert.True(PressureProjection2D.MaxDivergence(velocity, cells) <= DivergenceFactor * maxSpeed / grid.CellSize);
        AssertSolidFacesAreZero(velocity, cells);
    }

    [Fact]
    public void Inflow_into_a_closed_box_leaves_the_least_squares_divergence()
    {
        // Fluid enters on the left and cannot leave: no field is divergence-free, A φ = b is incompatible. Removing
        // b's mean solves the least-squares problem, which leaves every fluid cell the same divergence: minus the net
        // inflow spread over the fluid area (Gauss), instead of CG stalling.
        var grid = new MacGrid2D(32, 16, 1.0 / 16);
        var cells = Disc(grid, 1.0, 0.5, 0.2);
        var boundary = FlowBoundary.ClosedBox with { Left = new FlowSide(SideKind.Inflow, Speed: 0.5) };
        var velocity = RandomVelocity(grid, seed: 17);
        var phi = new double[grid.CellCount];

        var info = new PressureProjection2D(grid, boundary, Tight).Project(velocity, cells, phi);

        Assert.True(info.Converged, $"{info.Iterations} iterations, residual {info.RelativeResidual:E2}");
        var h = grid.CellSize;
        var fluidCells = cells.Count(c => c == CellKind.Fluid);
        var expected = -0.5 * grid.Height / (fluidCells * h * h); // net inflow: a sink of outward flux, div < 0
        for (var j = 0; j < grid.Ny; j++)
            for (var i = 0; i < grid.Nx; i++)
                if (cells[grid.Cell(i, j)] == CellKind.Fluid)
                    // Deviations are the residual, |div − expected| ≤ ‖r‖/h² ≈ 1e-10·‖b‖/h²; 1e-6 1/s is ample.
                    Assert.Equal(expected, velocity.Divergence(i, j), 6);
    }

    [Fact]
    public void Projecting_again_from_the_previous_phi_changes_nothing()
    {
        var grid = new MacGrid2D(24, 24, 1.0 / 24);
        var cells = Disc(grid, 0.4, 0.5, 0.15);
        // Closed, not with an outflow: Project resets outflow faces to a copy of their interior neighbour before it
        // solves, so with an outflow side a second projection starts from a different field and is not idempotent.
        var boundary = FlowBoundary.ClosedBox;
        var velocity = RandomVelocity(grid, seed: 8);
        var projection = new PressureProjection2D(grid, boundary, Tight);
        var phi = new double[grid.CellCount];
        projection.Project(velocity, cells, phi);
        var projected = (double[])velocity.U.Clone();

        // The second right-hand side is the first solve's residual (≈ 1e-10·‖b₁‖), so last frame's φ is a far worse
        // start than 0: from it CG would need a 1e-20 reduction, below rounding. The projection restarts from 0.
        var info = projection.Project(velocity, cells, phi);

        Assert.True(info.Converged, $"{info.Iterations} iterations, residual {info.RelativeResidual:E2}");
        // The velocity moves by ∇φ₂ with ‖b₂‖ ≈ 1e-10·‖b₁‖: ~1e-10 of the field; 1e-8 leaves margin.
        var scale = MaxAbs(projected);
        for (var f = 0; f < projected.Length; f++) Assert.True(Math.Abs(projected[f] - velocity.U[f]) <= 1e-8 * scale);
    }

    [Fact]
    public void A_steady_forcing_is_solved_at_once_from_the_previous_phi()
    {
        // A force that adds the same divergence every step (gravity against walls, a steady jet) needs the same φ
        // every step: warm-started with it, CG finds the residual already small. This is why Project takes φ in.
        var grid = new MacGrid2D(32, 32, 1.0 / 32);
        var cells = Disc(grid, 0.5, 0.5, 0.2);
        var forcing = RandomVelocity(grid, seed: 13);
        var velocity = new MacVelocity2D(grid);
        var projection = new PressureProjection2D(grid, FlowBoundary.ClosedBox, Tight);
        var phi = new double[grid.CellCount];

        var iterations = new int[3];
        for (var step = 0; step < iterations.Length; step++)
        {
            for (var f = 0; f < velocity.U.Length; f++) velocity.U[f] += forcing.U[f];
            for (var f = 0; f < velocity.V.Length; f++) velocity.V[f] += forcing.V[f];
            var info = projection.Project(velocity, cells, phi);
            Assert.True(info.Converged);
            iterations[step] = info.Iterations;
        }

        output.WriteLine($"CG iterations per step: {string.Join(", ", iterations)}");
        // Steps after the first start within the first solve's tolerance of the answer: b differs from b₁ only by
        // the leftover divergence (1e-10·‖b₁‖), so a few iterations at most, against ~100 from zero.
        Assert.True(iterations[1] <= iterations[0] / 5, $"iterations {string.Join(", ", iterations)}");
        Assert.True(iterations[2] <= iterations[0] / 5, $"iterations {string.Join(", ", iterations)}");
    }

    private static void AssertSolidFacesAreZero(MacVelocity2D velocity, CellKind[] cells)
    {
        var g = velocity.Grid;
        for (var j = 0; j < g.Ny; j++)
        {
            for (var i = 0; i < g.Nx; i++)
            {
                if (cells[g.Cell(i, j)] != CellKind.Solid) continue;
                Assert.Equal(0.0, velocity.U[g.U(i, j)]);
                Assert.Equal(0.0, velocity.U[g.U(i + 1, j)]);
                Assert.Equal(0.0, velocity.V[g.V(i, j)]);
                Assert.Equal(0.0, velocity.V[g.V(i, j + 1)]);
            }
        }
    }

    private static CellKind[] Disc(MacGrid2D grid, double cx, double cy, double radius)
    {
        var cells = new CellKind[grid.CellCount];
        for (var j = 0; j < grid.Ny; j++)
        {
            for (var i = 0; i < grid.Nx; i++)
            {
                var (x, y) = ((i + 0.5) * grid.CellSize - cx, (j + 0.5) * grid.CellSize - cy);
                if (x * x + y * y < radius * radius) cells[grid.Cell(i, j)] = CellKind.Solid;
            }
        }
        return cells;
    }

    private static MacVelocity2D RandomVelocity(MacGrid2D grid, int seed)
    {
        var random = new Random(seed);
        var velocity = new MacVelocity2D(grid);
        for (var f = 0; f < velocity.U.Length; f++) velocity.U[f] = 2 * random.NextDouble() - 1;
        for (var f = 0; f < velocity.V.Length; f++) velocity.V[f] = 2 * random.NextDouble() - 1;
        return velocity;
    }

    private static double MaxSpeed(MacVelocity2D velocity) => Math.Max(MaxAbs(velocity.U), MaxAbs(velocity.V));

    private static double MaxAbs(double[] values)
    {
        var max = 0.0;
        foreach (var value in values) max = Math.Max(max, Math.Abs(value));
        return max;
    }
}
