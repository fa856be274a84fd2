using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;
using PhysML.Solvers.Pressure3D;

namespace PhysML.Solvers.Tests;

public class CsrMatrixTests
{
    [Fact]
    public void The_assembled_matrix_applies_like_the_stencil_and_is_symmetric_in_2D_and_3D()
    {
        var random = new Random(11);
        var grid = new MacGrid3D(7, 6, 5, 0.1);
        var boundary = new FlowBoundary3D(new(SideKind.Outflow), new(SideKind.NoSlip), new(SideKind.Periodic), new(SideKind.Periodic),
            new(SideKind.Periodic), new(SideKind.Periodic));
        var cells = Enumerable.Range(0, grid.CellCount).Select(_ => random.NextDouble() < 0.2 ? CellKind.Solid : CellKind.Fluid).ToArray();
        var systems = new IPoissonStencil[]
        {
            new PressurePoisson3D(grid, boundary, cells),
            ObstacleSystems.Disk2D(20).A,
            ObstacleSystems.Sphere3D(10, closed: true).A,
        };
        foreach (var a in systems)
        {
            var csr = CsrMatrix.FromStencil(a);
            var x = Enumerable.Range(0, a.Size).Select(_ => random.NextDouble() - 0.5).ToArray();
            var (fromStencil, fromCsr) = (new double[a.Size], new double[a.Size]);
            a.Apply(x, fromStencil);
            csr.Apply(x, fromCsr);
            // The same products in a different order: equal to rounding.
            for (var n = 0; n < a.Size; n++) Assert.Equal(fromStencil[n], fromCsr[n], 12);
            for (var r = 0; r < csr.Size; r++)
                for (var p = csr.RowStart[r]; p < csr.RowStart[r + 1]; p++)
                    Assert.Equal(csr.Values[p], csr[csr.Columns[p], r]);
            Assert.True(csr.NonZeroCount <= 7 * a.Size);
        }
    }
}
