using PhysML.Fields;

namespace PhysML.Solvers.Tests;

public class Laplacian2DTests
{
    [Fact]
    public void Is_exact_for_a_quadratic_with_matching_Dirichlet_and_Neumann_values()
    {
        // u = x² + 2y² has ∇²u = 6. With Neumann walls carrying its exact outward derivatives (0 at x=0 and y=0,
        // 2W at x=W, 4H at y=H), the ghost u_g = u_i + h·g is exact for a quadratic, so every cell gives exactly 6.
        var grid = new Grid2D(8, 6, 2.0, 1.5);
        double U(double x, double y) => x * x + 2 * y * y;
        var u = new double[grid.CellCount];
        for (var j = 0; j < grid.Ny; j++)
            for (var i = 0; i < grid.Nx; i++)
                u[grid.Index(i, j)] = U(grid.CenterX(i), grid.CenterY(j));
        var result = new double[grid.CellCount];

        var boundary = new BoxBoundary(
            EdgeCondition.Neumann(0), EdgeCondition.Neumann(2 * grid.Width),
            EdgeCondition.Neumann(0), EdgeCondition.Neumann(4 * grid.Height));
        Laplacian2D.ApplyHomogeneous(grid, boundary, u, result);
        Laplacian2D.AddBoundaryTerm(grid, boundary, result);

        Assert.All(result, value => Assert.Equal(6.0, value, 9));
    }

    [Fact]
    public void Homogeneous_part_is_symmetric()
    {
        var grid = new Grid2D(5, 4, 1, 1);
        var boundary = new BoxBoundary(EdgeCondition.Dirichlet(1), EdgeCondition.Neumann(2), EdgeCondition.Dirichlet(0), EdgeCondition.Neumann(0));
        var n = grid.CellCount;
        var columns = new double[n][];
        for (var k = 0; k < n; k++)
        {
            var e = new double[n];
            e[k] = 1;
            columns[k] = new double[n];
            Laplacian2D.ApplyHomogeneous(grid, boundary, e, columns[k]);
        }

        for (var i = 0; i < n; i++)
            for (var k = 0; k < n; k++)
                Assert.Equal(columns[k][i], columns[i][k], 12);
    }
}
