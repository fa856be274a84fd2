using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;
using PhysML.Solvers.Diffusion;

namespace PhysML.Solvers.Tests;

public class Viscosity3DTests
{
    private static readonly SolverOptions Tight = new() { RelativeTolerance = 1e-13, MaxIterations = 5000 };
    private static readonly FlowSide Periodic = new(SideKind.Periodic);

    [Fact]
    public void A_mode_across_two_axes_decays_by_the_discrete_backward_Euler_factor()
    {
        // u = sin(2πy/Ly)·sin(2πz/Lz) is an eigenvector of the periodic 7-point Laplacian on the u faces with eigenvalue
        // −(λ_y + λ_z), λ_a = (4/h²)sin²(πh/L_a), and constant in x; each step multiplies it by exactly
        // 1/(1 + ν·dt·(λ_y + λ_z)). w = sin(2πx/Lx)·sin(2πy/Ly) likewise on the w faces. Being eigenvectors, the
        // warm-started CG converges in one iteration to rounding; 1e-10 on an amplitude of 1 is generous.
        const double h = 0.1, viscosityTimesDt = 2 * h * h;
        var grid = new MacGrid3D(8, 10, 6, h);
        var velocity = new MacVelocity3D(grid);
        var (lx, ly, lz) = (grid.Width, grid.Height, grid.Depth);
        double U(int j, int k) => Math.Sin(2 * Math.PI * (j + 0.5) * h / ly) * Math.Sin(2 * Math.PI * (k + 0.5) * h / lz);
        double W(int i, int j) => Math.Sin(2 * Math.PI * (i + 0.5) * h / lx) * Math.Sin(2 * Math.PI * (j + 0.5) * h / ly);
        for (var k = 0; k < grid.Nz; k++)
            for (var j = 0; j < grid.Ny; j++)
                for (var i = 0; i <= grid.Nx; i++)
                    velocity.U[grid.U(i, j, k)] = U(j, k);
        for (var k = 0; k <= grid.Nz; k++)
            for (var j = 0; j < grid.Ny; j++)
                for (var i = 0; i < grid.Nx; i++)
                    velocity.W[grid.W(i, j, k)] = W(i, j);
        double Lambda(double length) => 4 / (h * h) * Math.Pow(Math.Sin(Math.PI * h / length), 2);
        var factorU = 1 / (1 + viscosityTimesDt * (Lambda(ly) + Lambda(lz)));
        var factorW = 1 / (1 + viscosityTimesDt * (Lambda(lx) + Lambda(ly)));
        var viscosity = new ImplicitViscosity3D(grid, FlowBoundary3D.All(Periodic), Tight);

        for (var step = 1; step <= 3; step++)
        {
            var infos = viscosity.Apply(velocity, new CellKind[grid.CellCount], viscosityTimesDt);
            Assert.True(infos.U.Converged && infos.V.Converged && infos.W.Converged);
            for (var k = 0; k < grid.Nz; k++)
                for (var j = 0; j < grid.Ny; j++)
                    for (var i = 0; i <= grid.Nx; i++)
                        Assert.Equal(Math.Pow(factorU, step) * U(j, k), velocity.U[grid.U(i, j, k)], 1e-10);
            for (var k = 0; k <= grid.Nz; k++)
                for (var j = 0; j < grid.Ny; j++)
                    for (var i = 0; i < grid.Nx; i++)
                        Assert.Equal(Math.Pow(factorW, step) * W(i, j), velocity.W[grid.W(i, j, k)], 1e-10);
        }
        Assert.All(velocity.V, v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void A_front_wall_sliding_along_x_drives_plane_Couette_flow_exactly()
    {
        // Periodic in x and y, a wall at rest at z = 0 and one moving at U along x at z = D: the steady state is
        // u = U·z/D. Linear profiles satisfy the 3-point stencil and the midway ghost 2·U − u exactly, so the discrete
        // steady state is the exact one; a huge ν·dt reaches it in one solve. 1e-9 m/s is the CG tolerance's reach.
        const double speed = 0.7;
        var grid = new MacGrid3D(4, 3, 10, 0.1);
        var boundary = new FlowBoundary3D(Periodic, Periodic, Periodic, Periodic,
            new FlowSide(SideKind.NoSlip), new FlowSide(SideKind.NoSlip, Speed: speed));
        var velocity = new MacVelocity3D(grid);

        var infos = new ImplicitViscosity3D(grid, boundary, Tight).Apply(velocity, new CellKind[grid.CellCount], 1e8);

        Assert.True(infos.U.Converged);
        for (var k = 0; k < grid.Nz; k++)
            for (var j = 0; j < grid.Ny; j++)
                for (var i = 0; i <= grid.Nx; i++)
                    Assert.Equal(speed * (k + 0.5) / grid.Nz, velocity.U[grid.U(i, j, k)], 1e-9);
        // The wall slides along x (its first tangential axis): v and w stay at rest.
        Assert.All(velocity.V, v => Assert.Equal(0.0, v));
        Assert.All(velocity.W, w => Assert.Equal(0.0, w));
    }

    [Fact]
    public void The_operator_is_symmetric_positive_definite_and_never_changes_fixed_faces()
    {
        // Inflow left, outflow right, no-slip bottom, free-slip top, periodic z, a block obstacle on the z seam.
        // x·Ay = y·Ax to rounding and x·Ax ≥ x·x (A = I + w·L, L ⪰ 0); random data on every face, so a write to a fixed
        // face (touching the block, or normal to a non-outflow side) would show.
        var grid = new MacGrid3D(8, 6, 5, 0.125);
        var boundary = new FlowBoundary3D(new FlowSide(SideKind.Inflow, 1), new FlowSide(SideKind.Outflow),
            new FlowSide(SideKind.NoSlip), new FlowSide(SideKind.FreeSlip), Periodic, Periodic);
        var cells = new CellKind[grid.CellCount];
        foreach (var k in new[] { 0, 4 })
            for (var j = 2; j <= 3; j++)
                for (var i = 3; i <= 4; i++)
                    cells[grid.Cell(i, j, k)] = CellKind.Solid;
        var random = new Random(3);
        foreach (var component in new[] { VelocityComponent.U, VelocityComponent.V, VelocityComponent.W })
        {
            var a = new ViscosityOperator3D(grid, boundary, component);
            a.Prepare(cells, 3 * grid.CellSize * grid.CellSize);
            Assert.InRange(a.Size, 1, a.FaceCount - 1);
            var n = a.Size;
            var x = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            var y = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            var (ax, ay) = (new double[n], new double[n]);
            a.Apply(x, ax);
            a.Apply(y, ay);
            var scale = VectorOps.Norm(x) * VectorOps.Norm(ay) + VectorOps.Norm(y) * VectorOps.Norm(ax);
            Assert.True(Math.Abs(VectorOps.Dot(x, ay) - VectorOps.Dot(y, ax)) <= 1e-13 * scale, $"{component} not symmetric");
            Assert.True(VectorOps.Dot(x, ax) >= VectorOps.Dot(x, x) * (1 - 1e-14));
            var threaded = new double[n];
            a.Apply(x, threaded, new ParallelOptions { MaxDegreeOfParallelism = 2 });
            Assert.Equal(ax, threaded);
        }

        var velocity = new MacVelocity3D(grid);
        foreach (var faces in new[] { velocity.U, velocity.V, velocity.W })
            for (var f = 0; f < faces.Length; f++) faces[f] = random.NextDouble() * 2 - 1;
        var before = (U: (double[])velocity.U.Clone(), V: (double[])velocity.V.Clone(), W: (double[])velocity.W.Clone());
        new ImplicitViscosity3D(grid, boundary, Tight).Apply(velocity, cells, 4 * grid.CellSize * grid.CellSize);
        bool Solid(int i, int j, int k) => cells[grid.Cell(i, j, (k + grid.Nz) % grid.Nz)] == CellKind.Solid;
        for (var k = 0; k < grid.Nz; k++)
            for (var j = 0; j < grid.Ny; j++)
                for (var i = 0; i <= grid.Nx; i++)
                {
                    var isFixed = i == 0 || (i > 0 && Solid(i - 1, j, k)) || (i < grid.Nx && Solid(i, j, k));
                    Assert.Equal(isFixed, before.U[grid.U(i, j, k)] == velocity.U[grid.U(i, j, k)]);
                }
        for (var k = 0; k < grid.Nz; k++)
            for (var j = 0; j <= grid.Ny; j++)
                for (var i = 0; i < grid.Nx; i++)
                {
                    var isFixed = j == 0 || j == grid.Ny || (j > 0 && Solid(i, j - 1, k)) || (j < grid.Ny && Solid(i, j, k));
                    Assert.Equal(isFixed, before.V[grid.V(i, j, k)] == velocity.V[grid.V(i, j, k)]);
                }
        for (var k = 0; k <= grid.Nz; k++)
            for (var j = 0; j < grid.Ny; j++)
                for (var i = 0; i < grid.Nx; i++)
                {
                    var isFixed = Solid(i, j, k - 1) || Solid(i, j, k);
                    Assert.Equal(isFixed, before.W[grid.W(i, j, k)] == velocity.W[grid.W(i, j, k)]);
                }
    }
}
