using PhysML.Fields.Mac;
using PhysML.Solvers.Diffusion;

namespace PhysML.Solvers.Tests;

public class ViscosityTests
{
    private static readonly SolverOptions Tight = new() { RelativeTolerance = 1e-13, MaxIterations = 5000 };

    [Fact]
    public void Channel_flow_settles_to_the_Poiseuille_parabola_with_an_O_h2_offset()
    {
        // Plane Poiseuille: periodic in x, no-slip at y = 0 and y = H, body force f in x. The parallel flow has no
        // advection and no pressure gradient, so u ← u + dt·f then backward Euler viscosity reaches −ν∇²_h u = f.
        // The 3-point stencil is exact for a parabola in the interior, but the midway ghost −u is not: the parabola
        // P continued past the wall is P(−h/2) = −P(h/2) − f·h²/(4ν). Carrying that through, the discrete steady state is
        // P + f·h²/(8ν) at every face (a constant error solves the homogeneous interior equation, and the wall rows fix
        // it), i.e. the error relative to the centreline speed f·H²/(8ν) is exactly (h/H)². Observed below: 1/16² and
        // 1/32² to about 1e-12, so the ratio is 4.
        var coarse = SteadyChannelError(16);
        var fine = SteadyChannelError(32);

        Assert.True(coarse < 0.01, $"relative error {coarse} at Ny = 16");
        Assert.True(fine < 0.01, $"relative error {fine} at Ny = 32");
        Assert.Equal(1.0 / (16 * 16), coarse, 10);
        Assert.Equal(1.0 / (32 * 32), fine, 10);
        Assert.InRange(coarse / fine, 3.99, 4.01);
    }

    // Runs the channel to steady state and returns max |u − P| / max P, after checking the error is the predicted
    // constant offset f·h²/(8ν) at every face.
    private static double SteadyChannelError(int ny)
    {
        const double height = 1.0, nu = 0.01, force = 0.08; // centreline speed f·H²/(8ν) = 1 m/s
        var h = height / ny;
        var grid = new MacGrid2D(4, ny, h);
        var boundary = new FlowBoundary(new FlowSide(SideKind.Periodic), new FlowSide(SideKind.Periodic),
            new FlowSide(SideKind.NoSlip), new FlowSide(SideKind.NoSlip));
        var cells = new CellKind[grid.CellCount];
        var velocity = new MacVelocity2D(grid);
        var viscosity = new ImplicitViscosity2D(grid, boundary, Tight);
        var dt = 1e4 * h * h / nu; // ν·dt/h² = 10⁴: each step removes all but ~1/(1 + 10⁴(πh/H)²) of the transient.
        var previous = new double[grid.UCount];

        var steps = 0;
        double change;
        do
        {
            velocity.U.CopyTo(previous, 0);
            for (var k = 0; k < grid.UCount; k++) velocity.U[k] += dt * force;
            var (u, v) = viscosity.Apply(velocity, cells, nu * dt);
            Assert.True(u.Converged && v.Converged);
            change = 0;
            for (var k = 0; k < grid.UCount; k++) change = Math.Max(change, Math.Abs(velocity.U[k] - previous[k]));
            steps++;
        } while (change > 1e-10 && steps < 100);
        // Steady to solver precision: b ≈ dt·f ~ 300 m/s, so rounding alone moves u by ~1e-13 m/s per step.
        Assert.True(change <= 1e-10, $"not steady after {steps} steps (last change {change})");

        var offset = force * h * h / (8 * nu);
        var maxError = 0.0;
        for (var j = 0; j < ny; j++)
        {
            var y = (j + 0.5) * h;
            var parabola = force / (2 * nu) * y * (height - y);
            for (var i = 0; i <= grid.Nx; i++)
            {
                var error = velocity.U[grid.U(i, j)] - parabola;
                // Solver precision: CG stops at ‖r‖ ≤ 1e-13‖b‖ with ‖b‖ ≈ dt·f·√n ~ 10³; 1e-9 m/s leaves ample room.
                Assert.Equal(offset, error, 1e-9);
                maxError = Math.Max(maxError, Math.Abs(error));
            }
        }
        Assert.All(velocity.V, value => Assert.Equal(0.0, value));
        return maxError / (force * height * height / (8 * nu));
    }

    [Fact]
    public void A_sine_mode_in_a_periodic_box_decays_by_the_discrete_backward_Euler_factor()
    {
        // sin(2πy/L) is an eigenvector of the periodic 3-point Laplacian with eigenvalue −λ_h, λ_h = (4/h²)sin²(πh/L),
        // and constant in x, so each step multiplies it by exactly 1/(1 + ν·dt·λ_h). It is also an eigenvector of A,
        // so the warm-started CG converges in one iteration to rounding; 1e-10 on an amplitude of 1 is generous.
        const double h = 0.1, viscosityTimesDt = 2 * h * h;
        var grid = new MacGrid2D(16, 24, h);
        var boundary = FlowBoundary.All(new FlowSide(SideKind.Periodic));
        var cells = new CellKind[grid.CellCount];
        var velocity = new MacVelocity2D(grid);
        var (lx, ly) = (grid.Width, grid.Height);
        for (var j = 0; j < grid.Ny; j++)
            for (var i = 0; i <= grid.Nx; i++)
                velocity.U[grid.U(i, j)] = Math.Sin(2 * Math.PI * (j + 0.5) * h / ly);
        for (var j = 0; j <= grid.Ny; j++)
            for (var i = 0; i < grid.Nx; i++)
                velocity.V[grid.V(i, j)] = Math.Sin(2 * Math.PI * (i + 0.5) * h / lx);
        var factorU = 1 / (1 + viscosityTimesDt * 4 / (h * h) * Math.Pow(Math.Sin(Math.PI * h / ly), 2));
        var factorV = 1 / (1 + viscosityTimesDt * 4 / (h * h) * Math.Pow(Math.Sin(Math.PI * h / lx), 2));
        var viscosity = new ImplicitViscosity2D(grid, boundary, Tight);

        for (var step = 1; step <= 5; step++)
        {
            var (uInfo, vInfo) = viscosity.Apply(velocity, cells, viscosityTimesDt);
            Assert.True(uInfo.Converged && vInfo.Converged);
            for (var j = 0; j < grid.Ny; j++)
                for (var i = 0; i <= grid.Nx; i++)
                    Assert.Equal(Math.Pow(factorU, step) * Math.Sin(2 * Math.PI * (j + 0.5) * h / ly), velocity.U[grid.U(i, j)], 1e-10);
            for (var j = 0; j <= grid.Ny; j++)
                for (var i = 0; i < grid.Nx; i++)
                    Assert.Equal(Math.Pow(factorV, step) * Math.Sin(2 * Math.PI * (i + 0.5) * h / lx), velocity.V[grid.V(i, j)], 1e-10);
        }
    }

    [Fact]
    public void A_fully_periodic_box_conserves_momentum()
    {
        // Every row of L sums to zero when all sides wrap, so 1ᵀA = 1ᵀ and Σu is conserved by each solve (to the CG
        // residual, ‖r‖ ≤ 1e-13‖b‖ over 144 faces; 1e-10 is comfortable).
        var grid = new MacGrid2D(12, 10, 0.1);
        var velocity = RandomVelocity(grid, 3);
        var before = (Sum(velocity.U, grid, VelocityComponent.U), Sum(velocity.V, grid, VelocityComponent.V));
        new ImplicitViscosity2D(grid, FlowBoundary.All(new FlowSide(SideKind.Periodic)), Tight)
            .Apply(velocity, new CellKind[grid.CellCount], 0.05);
        Assert.Equal(before.Item1, Sum(velocity.U, grid, VelocityComponent.U), 1e-10);
        Assert.Equal(before.Item2, Sum(velocity.V, grid, VelocityComponent.V), 1e-10);
    }

    // Σ over the distinct faces (a periodic duplicate column or row counted once).
    private static double Sum(double[] faces, MacGrid2D grid, VelocityComponent component)
    {
        var sum = 0.0;
        for (var j = 0; j < grid.Ny; j++)
            for (var i = 0; i < grid.Nx; i++)
                sum += faces[component == VelocityComponent.U ? grid.U(i, j) : grid.V(i, j)];
        return sum;
    }

    [Fact]
    public void Uniform_flow_from_an_inflow_to_an_outflow_between_free_slip_walls_is_unchanged()
    {
        // Inflow Dirichlet data, zero-gradient outflow and +u free-slip ghosts all agree with u = U, v = 0: ∇²u = 0.
        var grid = new MacGrid2D(10, 6, 0.2);
        var boundary = new FlowBoundary(new FlowSide(SideKind.Inflow, 1.5), new FlowSide(SideKind.Outflow),
            new FlowSide(SideKind.FreeSlip), new FlowSide(SideKind.FreeSlip));
        var velocity = new MacVelocity2D(grid);
        Array.Fill(velocity.U, 1.5);

        new ImplicitViscosity2D(grid, boundary, Tight).Apply(velocity, new CellKind[grid.CellCount], 10.0);

        Assert.All(velocity.U, value => Assert.Equal(1.5, value, 1e-12));
        Assert.All(velocity.V, value => Assert.Equal(0.0, value, 1e-12));
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Zero_viscosity_changes_nothing(int configuration)
    {
        var (grid, boundary, cells) = Configuration(configuration);
        var velocity = RandomVelocity(grid, 11);
        var (u, v) = ((double[])velocity.U.Clone(), (double[])velocity.V.Clone());

        var infos = new ImplicitViscosity2D(grid, boundary, Tight).Apply(velocity, cells, 0.0);

        Assert.Equal(u, velocity.U);
        Assert.Equal(v, velocity.V);
        Assert.Equal(0, infos.U.Iterations);
        Assert.Equal(0, infos.V.Iterations);
        Assert.True(infos.U.Converged && infos.V.Converged);
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Fixed_faces_are_never_changed_and_free_faces_are(int configuration)
    {
        // The fixed set is derived here from the rules, independently of the operator's numbering: faces touching a
        // solid, and normal faces of non-periodic sides other than Outflow. Random values everywhere (also on fixed
        // faces, as Dirichlet data) make any write to a fixed face visible, and a large ν·dt moves every free face.
        var (grid, boundary, cells) = Configuration(configuration);
        var velocity = RandomVelocity(grid, 5);
        var (u, v) = ((double[])velocity.U.Clone(), (double[])velocity.V.Clone());

        var infos = new ImplicitViscosity2D(grid, boundary, Tight).Apply(velocity, cells, 4 * grid.CellSize * grid.CellSize);
        Assert.True(infos.U.Converged && infos.V.Converged);

        var fixedCount = 0;
        for (var j = 0; j < grid.Ny; j++)
            for (var i = 0; i <= grid.Nx; i++)
            {
                var k = grid.U(i, j);
                if (IsFixed(i, j, grid.Nx, boundary.PeriodicX, boundary.Left, boundary.Right, (a, b) => cells[grid.Cell(a, b)]))
                {
                    Assert.Equal(u[k], velocity.U[k]);
                    fixedCount++;
                }
                else Assert.NotEqual(u[k], velocity.U[k]);
            }
        for (var j = 0; j <= grid.Ny; j++)
            for (var i = 0; i < grid.Nx; i++)
            {
                var k = grid.V(i, j);
                if (IsFixed(j, i, grid.Ny, boundary.PeriodicY, boundary.Bottom, boundary.Top, (a, b) => cells[grid.Cell(b, a)]))
                {
                    Assert.Equal(v[k], velocity.V[k]);
                    fixedCount++;
                }
                else Assert.NotEqual(v[k], velocity.V[k]);
            }
        Assert.True(fixedCount > 0);
        if (boundary.PeriodicX)
            for (var j = 0; j < grid.Ny; j++)
                Assert.Equal(velocity.U[grid.U(0, j)], velocity.U[grid.U(grid.Nx, j)]); // the periodic duplicate follows its twin
    }

    // Face n along its normal axis (0..count), t along the other; cell(a, b) in the same (normal, tangential) order.
    private static bool IsFixed(int n, int t, int count, bool periodic, FlowSide low, FlowSide high, Func<int, int, CellKind> cell)
    {
        if (periodic)
        {
            var before = (n + count - 1) % count;
            var after = n % count;
            return cell(before, t) == CellKind.Solid || cell(after, t) == CellKind.Solid;
        }
        if (n > 0 && cell(n - 1, t) == CellKind.Solid) return true;
        if (n < count && cell(n, t) == CellKind.Solid) return true;
        if (n == 0) return low.Kind != SideKind.Outflow;
        if (n == count) return high.Kind != SideKind.Outflow;
        return false;
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void The_operator_is_symmetric_positive_definite_on_the_free_faces(int configuration)
    {
        // x·Ay = y·Ax to rounding (relative 1e-13 of the terms' size), and x·Ax ≥ x·x because A = I + w·L, L ⪰ 0.
        var (grid, boundary, cells) = Configuration(configuration);
        var random = new Random(7 + configuration);
        foreach (var component in new[] { VelocityComponent.U, VelocityComponent.V })
        {
            var a = new ViscosityOperator2D(grid, boundary, component);
            a.Prepare(cells, 3 * grid.CellSize * grid.CellSize);
            Assert.InRange(a.Size, 1, a.FaceCount);
            var n = a.Size;
            for (var trial = 0; trial < 5; trial++)
            {
                var x = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray();
                var y = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray();
                var ax = new double[n];
                var ay = new double[n];
                a.Apply(x, ax);
                a.Apply(y, ay);
                var scale = VectorOps.Norm(x) * VectorOps.Norm(ay) + VectorOps.Norm(y) * VectorOps.Norm(ax);
                Assert.True(Math.Abs(VectorOps.Dot(x, ay) - VectorOps.Dot(y, ax)) <= 1e-13 * scale,
                    $"{component}: x·Ay = {VectorOps.Dot(x, ay)}, y·Ax = {VectorOps.Dot(y, ax)}");
                Assert.True(VectorOps.Dot(x, ax) >= VectorOps.Dot(x, x) * (1 - 1e-14));
            }
        }
    }

    public static TheoryData<int> Configurations => new() { 0, 1, 2 };

    // 0: inflow left, outflow right, no-slip bottom, free-slip top, a block obstacle.
    // 1: periodic in x with an obstacle on the seam, no-slip bottom, outflow top.
    // 2: fully periodic with an obstacle.
    private static (MacGrid2D Grid, FlowBoundary Boundary, CellKind[] Cells) Configuration(int configuration)
    {
        var grid = new MacGrid2D(12, 8, 0.125);
        var cells = new CellKind[grid.CellCount];
        FlowBoundary boundary;
        switch (configuration)
        {
            case 0:
                boundary = new FlowBoundary(new FlowSide(SideKind.Inflow, 1.0), new FlowSide(SideKind.Outflow),
                    new FlowSide(SideKind.NoSlip), new FlowSide(SideKind.FreeSlip));
                Block(4, 6, 3, 4);
                break;
            case 1:
                boundary = new FlowBoundary(new FlowSide(SideKind.Periodic), new FlowSide(SideKind.Periodic),
                    new FlowSide(SideKind.NoSlip), new FlowSide(SideKind.Outflow));
                Block(0, 0, 2, 4);
                Block(11, 11, 5, 5);
                break;
            default:
                boundary = FlowBoundary.All(new FlowSide(SideKind.Periodic));
                Block(3, 5, 0, 1);
                break;
        }
        return (grid, boundary, cells);

        void Block(int i0, int i1, int j0, int j1)
        {
            for (var j = j0; j <= j1; j++)
                for (var i = i0; i <= i1; i++)
                    cells[grid.Cell(i, j)] = CellKind.Solid;
        }
    }

    private static MacVelocity2D RandomVelocity(MacGrid2D grid, int seed)
    {
        var random = new Random(seed);
        var velocity = new MacVelocity2D(grid);
        for (var k = 0; k < velocity.U.Length; k++) velocity.U[k] = random.NextDouble() * 2 - 1;
        for (var k = 0; k < velocity.V.Length; k++) velocity.V[k] = random.NextDouble() * 2 - 1;
        // A periodic duplicate column or row is the same face as its twin.
        if (grid.Nx > 0)
            for (var j = 0; j < grid.Ny; j++) velocity.U[grid.U(grid.Nx, j)] = velocity.U[grid.U(0, j)];
        for (var i = 0; i < grid.Nx; i++) velocity.V[grid.V(i, grid.Ny)] = velocity.V[grid.V(i, 0)];
        return velocity;
    }
}
