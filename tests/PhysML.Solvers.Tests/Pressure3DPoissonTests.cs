using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;
using PhysML.Solvers.Pressure3D;
using Xunit.Abstractions;

namespace PhysML.Solvers.Tests;

public class Pressure3DPoissonTests(ITestOutputHelper output)
{
    [Fact]
    public void A_manufactured_all_Neumann_solution_converges_at_second_order()
    {
        // p = cos(πx)cos(πy)cos(πz) on the unit cube has ∂p/∂n = 0 on every side and −∇²p = 3π²p, so
        // A p = h²·3π²·p at cell centres. Both sides have zero mean over the cells (the cosines sum to 0 on a
        // symmetric cell-centred grid), so the singular system is compatible; the means are removed anyway.
        var errors = new List<double>();
        foreach (var n in new[] { 8, 16, 32 })
        {
            var grid = new MacGrid3D(n, n, n, 1.0 / n);
            var h = grid.CellSize;
            var a = new PressurePoisson3D(grid, FlowBoundary3D.ClosedBox, new CellKind[grid.CellCount]);
            Assert.True(a.IsSingular);
            var exact = new double[grid.CellCount];
            for (var k = 0; k < n; k++)
                for (var j = 0; j < n; j++)
                    for (var i = 0; i < n; i++)
                        exact[grid.Cell(i, j, k)] = Math.Cos(Math.PI * (i + 0.5) * h) * Math.Cos(Math.PI * (j + 0.5) * h) * Math.Cos(Math.PI * (k + 0.5) * h);
            var b = exact.Select(p => h * h * 3 * Math.PI * Math.PI * p).ToArray();
            RemoveMean(b);
            RemoveMean(exact);
            var phi = new double[grid.CellCount];
            // 1e-11: far below the O(h²) discretisation error (≈1e-3 at n = 32), so the observed order is the scheme's.
            var cg = new ConjugateGradient(new SolverOptions { RelativeTolerance = 1e-11, MaxIterations = 10_000 });
            var info = cg.Solve(a, b, phi, new ModifiedIncompleteCholesky3D(a));
            Assert.True(info.Converged, $"n = {n}: residual {info.RelativeResidual:E2} after {info.Iterations}");
            RemoveMean(phi);
            var error = phi.Zip(exact, (x, y) => Math.Abs(x - y)).Max();
            output.WriteLine($"n = {n}: max error {error:E3}, {info.Iterations} MIC(0)-PCG iterations");
            errors.Add(error);
        }
        for (var r = 1; r < errors.Count; r++)
        {
            var order = Math.Log2(errors[r - 1] / errors[r]);
            output.WriteLine($"observed order {order:F3}");
            Assert.InRange(order, 1.8, 2.2);
        }
    }

    [Fact]
    public void The_operator_and_MIC0_are_symmetric_with_mixed_sides_and_solids()
    {
        var grid = new MacGrid3D(10, 9, 8, 0.1);
        var boundary = new FlowBoundary3D(new FlowSide(SideKind.Outflow), new FlowSide(SideKind.NoSlip),
            new FlowSide(SideKind.Periodic), new FlowSide(SideKind.Periodic),
            new FlowSide(SideKind.Inflow, 1), new FlowSide(SideKind.FreeSlip));
        var cells = new CellKind[grid.CellCount];
        var random = new Random(3);
        for (var n = 0; n < cells.Length; n++) cells[n] = random.NextDouble() < 0.2 ? CellKind.Solid : CellKind.Fluid;
        var a = new PressurePoisson3D(grid, boundary, cells);
        var x = Random(grid.CellCount, random);
        var y = Random(grid.CellCount, random);
        var ax = new double[x.Length];
        var ay = new double[x.Length];
        a.Apply(x, ax);
        a.Apply(y, ay);

        // x·Ay and y·Ax are the same sum of products in a different order: equal to rounding, ~1e-16 of the terms.
        var (xay, yax) = (VectorOps.Dot(x, ay), VectorOps.Dot(y, ax));
        Assert.True(Math.Abs(xay - yax) <= 1e-12 * VectorOps.Norm(x) * VectorOps.Norm(ay), $"{xay} vs {yax}");

        var mic = new ModifiedIncompleteCholesky3D(a);
        var mx = new double[x.Length];
        var my = new double[x.Length];
        mic.Apply(x, mx);
        mic.Apply(y, my);
        var (xmy, ymx) = (VectorOps.Dot(x, my), VectorOps.Dot(y, mx));
        Assert.True(Math.Abs(xmy - ymx) <= 1e-12 * VectorOps.Norm(x) * VectorOps.Norm(my), $"{xmy} vs {ymx}");

        // The threaded apply writes each row once from the same inputs: the same bits.
        var parallel = new double[x.Length];
        a.Apply(x, parallel, new ParallelOptions { MaxDegreeOfParallelism = 2 });
        Assert.Equal(ax, parallel);
    }

    [Fact]
    public void Solid_cells_are_identity_rows_and_outflow_faces_add_to_the_diagonal()
    {
        var grid = new MacGrid3D(4, 4, 4, 0.25);
        var boundary = FlowBoundary3D.ClosedBox with { Top = new FlowSide(SideKind.Outflow) };
        var cells = new CellKind[grid.CellCount];
        cells[grid.Cell(1, 1, 1)] = CellKind.Solid;
        var a = new PressurePoisson3D(grid, boundary, cells);
        Assert.False(a.IsSingular);
        Assert.Equal(1.0, a.Diagonal[grid.Cell(1, 1, 1)]);
        Assert.False(a.IsUnknown(grid.Cell(1, 1, 1)));
        Assert.Equal(3.0, a.Diagonal[grid.Cell(0, 0, 0)]);  // corner: three fluid neighbours
        Assert.Equal(4.0, a.Diagonal[grid.Cell(0, 3, 0)]);  // top corner: three neighbours + outflow ghost
        Assert.Equal(5.0, a.Diagonal[grid.Cell(1, 2, 1)]);  // above the solid: five fluid neighbours
        Assert.Equal(6.0, a.Diagonal[grid.Cell(2, 2, 2)]);
    }

    private static double[] Random(int n, Random random) => Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();

    private static void RemoveMean(double[] values)
    {
        var mean = values.Average();
        for (var n = 0; n < values.Length; n++) values[n] -= mean;
    }
}
