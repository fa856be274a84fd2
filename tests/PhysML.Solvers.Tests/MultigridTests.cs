using PhysML.Solvers.Multigrid;
using Xunit.Abstractions;

namespace PhysML.Solvers.Tests;

public class MultigridTests(ITestOutputHelper output)
{
    private static double[] Random(int n, Random random) => Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();

    private static double[] Masked(IPoissonStencil a, double[] v)
    {
        for (var n = 0; n < v.Length; n++) if (!a.IsUnknown(n)) v[n] = 0;
        return v;
    }

    [Theory]
    [InlineData(32, false)]
    [InlineData(64, false)]
    [InlineData(32, true)]
    public void MGPCG_reaches_1e_6_in_at_most_15_iterations_on_the_3D_sphere_system(int n, bool closed)
    {
        var (a, b) = ObstacleSystems.Sphere3D(n, closed);
        var x = new double[b.Length];
        var options = new SolverOptions { RelativeTolerance = 1e-6, MaxIterations = 200 };
        var info = new ConjugateGradient(options).Solve(a, b, x, new MultigridPreconditioner(a));
        output.WriteLine($"{n}³ closed={closed}: {info.Iterations} iterations, residual {info.RelativeResidual:E2}");
        Assert.True(info.Converged);
        Assert.InRange(info.Iterations, 1, 15);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(256)]
    public void MGPCG_reaches_1e_6_in_at_most_15_iterations_on_the_2D_disk_system(int n)
    {
        var (a, b) = ObstacleSystems.Disk2D(n);
        var x = new double[b.Length];
        var info = new ConjugateGradient(new SolverOptions { RelativeTolerance = 1e-6, MaxIterations = 500 })
            .Solve(a, b, x, new MultigridPreconditioner(a));
        output.WriteLine($"{n}²: {info.Iterations} iterations, residual {info.RelativeResidual:E2}");
        Assert.True(info.Converged);
        Assert.InRange(info.Iterations, 1, 15);
    }

    [Fact]
    public void The_V_cycle_is_symmetric_and_positive_definite_with_mixed_sides_periodic_axes_and_solids()
    {
        // Mixed sides, a periodic axis and random solids exercise every branch of coarsening and interpolation.
        var grid = new PhysML.Fields.Mac3D.MacGrid3D(20, 16, 12, 0.1);
        var boundary = new PhysML.Fields.Mac3D.FlowBoundary3D(new(PhysML.Fields.Mac.SideKind.Outflow), new(PhysML.Fields.Mac.SideKind.NoSlip),
            new(PhysML.Fields.Mac.SideKind.Periodic), new(PhysML.Fields.Mac.SideKind.Periodic),
            new(PhysML.Fields.Mac.SideKind.Inflow, 1), new(PhysML.Fields.Mac.SideKind.FreeSlip));
        var random = new Random(5);
        var cells = new PhysML.Fields.Mac.CellKind[grid.CellCount];
        for (var n = 0; n < cells.Length; n++) cells[n] = random.NextDouble() < 0.2 ? PhysML.Fields.Mac.CellKind.Solid : PhysML.Fields.Mac.CellKind.Fluid;
        var a = new PhysML.Solvers.Pressure3D.PressurePoisson3D(grid, boundary, cells);
        var m = new MultigridPreconditioner(a);
        Assert.True(m.Hierarchy.Levels.Count >= 3, $"{m.Hierarchy.Levels.Count} levels");
        for (var trial = 0; trial < 5; trial++)
        {
            var (u, v) = (Masked(a, Random(a.Size, random)), Masked(a, Random(a.Size, random)));
            var (mu, mv) = (new double[a.Size], new double[a.Size]);
            m.Apply(u, mu);
            m.Apply(v, mv);
            // The same products summed in a different order: equal to rounding (1e-16 per term, 1e-12 with margin).
            var (umv, vmu) = (VectorOps.Dot(u, mv), VectorOps.Dot(v, mu));
            Assert.True(Math.Abs(umv - vmu) <= 1e-12 * VectorOps.Norm(u) * VectorOps.Norm(mv), $"{umv} vs {vmu}");
            Assert.True(VectorOps.Dot(u, mu) > 0, "uᵀM⁻¹u must be positive");
        }
    }

    [Fact]
    public void Interpolation_reproduces_a_constant_on_every_unknown_cell_next_to_walls_and_obstacles()
    {
        var (a, _) = ObstacleSystems.Sphere3D(24);
        var hierarchy = new MultigridHierarchy(a);
        for (var l = 0; l + 1 < hierarchy.Levels.Count; l++)
        {
            var (fine, coarse) = (hierarchy.Levels[l], hierarchy.Levels[l + 1]);
            var xc = Enumerable.Range(0, coarse.Shape.CellCount).Select(c => coarse.IsUnknown(c) ? 1.0 : 0).ToArray();
            var xf = new double[fine.Shape.CellCount];
            MultigridKernels.ProlongAdd(fine, coarse, xc, xf, 0, fine.Shape.RowCount);
            for (var n = 0; n < xf.Length; n++)
                if (fine.InterpolationScale[n] != 0) Assert.Equal(1.0, xf[n], 12);
        }
    }

    [Fact]
    public void Restriction_is_the_scaled_transpose_of_interpolation()
    {
        // 3D with a periodic axis and an odd size, so every kind of tap is checked.
        var grid = new PhysML.Fields.Mac3D.MacGrid3D(21, 16, 12, 0.1);
        var side = new PhysML.Fields.Mac.FlowSide(PhysML.Fields.Mac.SideKind.NoSlip);
        var periodic = new PhysML.Fields.Mac.FlowSide(PhysML.Fields.Mac.SideKind.Periodic);
        var boundary = new PhysML.Fields.Mac3D.FlowBoundary3D(side, new(PhysML.Fields.Mac.SideKind.Outflow), periodic, periodic, side, side);
        var cellRandom = new Random(4);
        var cells = Enumerable.Range(0, grid.CellCount).Select(_ => cellRandom.NextDouble() < 0.15 ? PhysML.Fields.Mac.CellKind.Solid : PhysML.Fields.Mac.CellKind.Fluid).ToArray();
        var a = new PhysML.Solvers.Pressure3D.PressurePoisson3D(grid, boundary, cells);
        var hierarchy = new MultigridHierarchy(a);
        var random = new Random(9);
        var (fine, coarse) = (hierarchy.Levels[0], hierarchy.Levels[1]);
        var rf = Random(fine.Shape.CellCount, random);
        var xc = Enumerable.Range(0, coarse.Shape.CellCount).Select(c => coarse.IsUnknown(c) ? random.NextDouble() : 0).ToArray();
        var (bc, pxc) = (new double[xc.Length], new double[rf.Length]);
        var alongX = new double[coarse.Shape.Nx * fine.Shape.Ny * fine.Shape.Nz];
        var alongXY = new double[coarse.Shape.Nx * coarse.Shape.Ny * fine.Shape.Nz];
        MultigridKernels.Restrict(fine, coarse, 0, rf, alongX, alongXY, bc, 0, fine.Shape.RowCount);
        MultigridKernels.Restrict(fine, coarse, 1, rf, alongX, alongXY, bc, 0, coarse.Shape.Ny * fine.Shape.Nz);
        MultigridKernels.Restrict(fine, coarse, 2, rf, alongX, alongXY, bc, 0, coarse.Shape.RowCount);
        MultigridKernels.ProlongAdd(fine, coarse, xc, pxc, 0, fine.Shape.RowCount);
        var (left, right) = (VectorOps.Dot(bc, xc), fine.RestrictionScale * VectorOps.Dot(rf, pxc));
        Assert.True(Math.Abs(left - right) <= 1e-12 * Math.Abs(right), $"⟨Rr, x⟩ = {left}, scale·⟨r, Px⟩ = {right}");
    }

    [Fact]
    public void Threads_do_not_change_a_bit_and_the_solution_matches_plain_CG()
    {
        var (a, b) = ObstacleSystems.Sphere3D(32);
        var options = new SolverOptions { RelativeTolerance = 1e-10, MaxIterations = 2000 };
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 2 };
        var (one, two, cg) = (new double[b.Length], new double[b.Length], new double[b.Length]);
        var infoOne = new ConjugateGradient(options).Solve(a, b, one, new MultigridPreconditioner(a));
        var infoTwo = new ConjugateGradient(options, parallel).Solve(a, b, two, new MultigridPreconditioner(a, default, parallel));
        new ConjugateGradient(options).Solve(a, b, cg);
        Assert.Equal(infoOne.Iterations, infoTwo.Iterations);
        Assert.Equal(one, two);
        // Both at 1e-10 relative residual; κ(A) ≈ 10³ at 32³ bounds the solution difference near 1e-7.
        Assert.InRange(VectorOps.RelativeError(one, cg), 0, 1e-6);
    }
}
