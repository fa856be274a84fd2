using PhysML.Fields;
using PhysML.Solvers;

namespace PhysML.Pde;

/// <summary>
/// The manufactured solution u = A·sin(kx·x)·sin(ky·y) of a sine-mode source with u = 0 on every edge. The mode is an
/// exact eigenvector of the ghost-cell 5-point Laplacian, with eigenvalue −λ_h, λ_h = 4/dx²·sin²(kx·dx/2) +
/// 4/dy²·sin²(ky·dy/2), so the discrete solution is (kx² + ky²)/λ_h times the exact one: a relative error of
/// (kx⁴dx² + ky⁴dy²)/(12(kx² + ky²)) + O(h⁴), second order.
/// </summary>
public static class PoissonAnalytic
{
    /// <summary>True when the problem's set-up has this closed form.</summary>
    public static bool Applies(in PoissonProblem problem)
    {
        var b = problem.Boundary;
        static bool ZeroWall(EdgeCondition e) => e.Kind == BoundaryKind.Dirichlet && e.Value == 0;
        return problem.Source.Kind == PoissonSourceKind.SineMode &&
               ZeroWall(b.Left) && ZeroWall(b.Right) && ZeroWall(b.Bottom) && ZeroWall(b.Top);
    }

    public static void Evaluate(in PoissonProblem problem, Span<double> result)
    {
        var grid = problem.Grid;
        var kx = problem.Source.ModeX * Math.PI / grid.Width;
        var ky = problem.Source.ModeY * Math.PI / grid.Height;
        for (var j = 0; j < grid.Ny; j++)
            for (var i = 0; i < grid.Nx; i++)
                result[grid.Index(i, j)] = problem.Source.Amplitude * Math.Sin(kx * grid.CenterX(i)) * Math.Sin(ky * grid.CenterY(j));
    }

    /// <summary>The relative error the discretisation should make, (kx² + ky²)/λ_h − 1 (see the class remarks).</summary>
    public static double PredictedRelativeError(in PoissonProblem problem)
    {
        var grid = problem.Grid;
        var kx = problem.Source.ModeX * Math.PI / grid.Width;
        var ky = problem.Source.ModeY * Math.PI / grid.Height;
        var sx = Math.Sin(kx * grid.Dx / 2) / grid.Dx;
        var sy = Math.Sin(ky * grid.Dy / 2) / grid.Dy;
        return (kx * kx + ky * ky) / (4 * (sx * sx + sy * sy)) - 1;
    }

    /// <summary>‖u − u_exact‖₂ / ‖u_exact‖₂ over the cells.</summary>
    public static double RelativeL2Error(in PoissonProblem problem, ReadOnlySpan<double> u)
    {
        var exact = new double[u.Length];
        Evaluate(problem, exact);
        return VectorOps.RelativeError(u, exact);
    }
}
