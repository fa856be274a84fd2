using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;

namespace PhysML.Fluids.Tests.ThreeD;

public class Advection3DTests
{
    [Theory]
    [InlineData(AdvectionScheme.SemiLagrangian)]
    [InlineData(AdvectionScheme.MacCormack)]
    public void A_shift_by_whole_cells_in_uniform_flow_in_a_closed_box_is_exact(AdvectionScheme scheme)
    {
        // h = 1/16 and dt = 2h make every back-trace land exactly on a sample (all in binary fractions), so both
        // schemes reproduce the shifted field; MacCormack's back-and-forth trace then has no error to correct.
        // The field is zero within 4 cells of the sides, so clamping at the walls only ever reads zeros.
        var grid = new MacGrid3D(20, 20, 20, 1.0 / 16);
        var velocity = new MacVelocity3D(grid);
        Array.Fill(velocity.U, 1.0);
        Array.Fill(velocity.V, -0.5);
        Array.Fill(velocity.W, 0.5);
        var advection = new Advection3D(grid, FlowBoundary3D.ClosedBox);
        var field = new double[grid.CellCount];
        var random = new Random(11);
        for (var k = 4; k < 16; k++)
            for (var j = 4; j < 16; j++)
                for (var i = 4; i < 16; i++)
                    field[grid.Cell(i, j, k)] = random.NextDouble();
        var moved = new double[field.Length];

        // Moves the field (+2, −1, +1) cells.
        advection.Advect(scheme, velocity, field, moved, advection.Cells, 2 * grid.CellSize);

        for (var k = 0; k < 20; k++)
            for (var j = 0; j < 20; j++)
                for (var i = 0; i < 20; i++)
                {
                    var (si, sj, sk) = (i - 2, j + 1, k - 1);
                    var expected = si is >= 0 and < 20 && sj is >= 0 and < 20 && sk is >= 0 and < 20 ? field[grid.Cell(si, sj, sk)] : 0;
                    Assert.Equal(expected, moved[grid.Cell(i, j, k)], 12);
                }
    }

    [Fact]
    public void A_shift_in_periodic_flow_wraps_across_every_side()
    {
        var grid = new MacGrid3D(8, 8, 8, 0.125);
        var velocity = new MacVelocity3D(grid);
        Array.Fill(velocity.U, -1.0);
        Array.Fill(velocity.V, 1.0);
        Array.Fill(velocity.W, 2.0);
        var advection = new Advection3D(grid, FlowBoundary3D.All(new FlowSide(SideKind.Periodic)));
        var random = new Random(5);
        var field = Enumerable.Range(0, grid.CellCount).Select(_ => random.NextDouble()).ToArray();
        var moved = new double[field.Length];

        advection.Advect(AdvectionScheme.MacCormack, velocity, field, moved, advection.Cells, 3 * grid.CellSize);

        for (var k = 0; k < 8; k++)
            for (var j = 0; j < 8; j++)
                for (var i = 0; i < 8; i++)
                    Assert.Equal(field[grid.Cell((i + 3) % 8, (j + 5) % 8, (k + 2) % 8)], moved[grid.Cell(i, j, k)], 12);
    }
}
