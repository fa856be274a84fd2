namespace PhysML.Fields;

/// <summary>
/// The 5-point Laplacian on a cell-centred grid with boundary conditions imposed through ghost cells:
/// Dirichlet u_g = 2·u_b − u_i (the wall value is the average of the two cells astride it) and Neumann
/// u_g = u_i + h·g (a one-sided difference for the outward derivative g). Both are second-order accurate.
/// <para>
/// The ghost values are affine in u, so ∇²u = L₀u + c: <see cref="ApplyHomogeneous"/> applies L₀ (the boundary
/// values set to zero; symmetric negative semi-definite, so −L₀ suits conjugate gradient) and
/// <see cref="AddBoundaryTerm"/> adds the constant c that the boundary values contribute.
/// </para>
/// </summary>
public static class Laplacian2D
{
    /// <summary>result = L₀ u.</summary>
    public static void ApplyHomogeneous(in Grid2D grid, in BoxBoundary boundary, ReadOnlySpan<double> u, Span<double> result)
    {
        var (nx, ny) = (grid.Nx, grid.Ny);
        var ix2 = 1.0 / (grid.Dx * grid.Dx);
        var iy2 = 1.0 / (grid.Dy * grid.Dy);
        // Diagonal weight contributed by a boundary ghost: −1 more for Dirichlet (u_g = −u_i), +1 for Neumann (u_g = u_i).
        var left = GhostSign(boundary.Left);
        var right = GhostSign(boundary.Right);
        var bottom = GhostSign(boundary.Bottom);
        var top = GhostSign(boundary.Top);
        for (var j = 0; j < ny; j++)
        {
            var row = j * nx;
            for (var i = 0; i < nx; i++)
            {
                var k = row + i;
                var c = u[k];
                var west = i > 0 ? u[k - 1] : left * c;
                var east = i < nx - 1 ? u[k + 1] : right * c;
                var south = j > 0 ? u[k - nx] : bottom * c;
                var north = j < ny - 1 ? u[k + nx] : top * c;
                result[k] = (west - 2 * c + east) * ix2 + (south - 2 * c + north) * iy2;
            }
        }
    }

    /// <summary>result += c, the boundary values' contribution to ∇²u.</summary>
    public static void AddBoundaryTerm(in Grid2D grid, in BoxBoundary boundary, Span<double> result)
    {
        var (nx, ny) = (grid.Nx, grid.Ny);
        for (var j = 0; j < ny; j++)
        {
            result[grid.Index(0, j)] += GhostConstant(boundary.Left, grid.Dx);
            result[grid.Index(nx - 1, j)] += GhostConstant(boundary.Right, grid.Dx);
        }
        for (var i = 0; i < nx; i++)
        {
            result[grid.Index(i, 0)] += GhostConstant(boundary.Bottom, grid.Dy);
            result[grid.Index(i, ny - 1)] += GhostConstant(boundary.Top, grid.Dy);
        }
    }

    private static double GhostSign(EdgeCondition edge) => edge.Kind == BoundaryKind.Dirichlet ? -1.0 : 1.0;

    // The ghost's constant part divided by h²: 2·u_b/h² (Dirichlet) or g·h/h² = g/h (Neumann).
    private static double GhostConstant(EdgeCondition edge, double h) =>
        edge.Kind == BoundaryKind.Dirichlet ? 2 * edge.Value / (h * h) : edge.Value / h;
}
