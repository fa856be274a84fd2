using PhysML.Fields.Mac;

namespace PhysML.Fluids;

/// <summary>
/// The force of the fluid on one obstacle, per metre of depth, summed over the faces between its cells and fluid
/// cells (a staircase surface). Pressure: −p·n·h on each face (n the obstacle's outward normal), with p extrapolated
/// linearly from the two fluid cells outside the face to the face itself (cell-centre values sit h/2 away, which
/// would bias a hydrostatic force by a whole cell of depth). Viscous: at a no-slip
/// surface only the shear stress acts, τ = μ·∂u_t/∂n ≈ μ·u_t/(h/2) with u_t the fluid cell's tangential velocity, so
/// each face adds 2μ·u_t along the surface. Normal viscous stress vanishes at a no-slip wall (∂u_n/∂n = 0 there).
/// </summary>
public static class ObstacleForces2D
{
    public static (double Fx, double Fy) Compute(FluidSimulation2D simulation, ReadOnlySpan<bool> obstacleCells, ReadOnlySpan<double> pressure)
    {
        var g = simulation.Grid;
        var h = g.CellSize;
        var mu = simulation.Domain.Density * simulation.Domain.KinematicViscosity;
        double fx = 0, fy = 0;
        for (var j = 0; j < g.Ny; j++)
        {
            for (var i = 0; i < g.Nx; i++)
            {
                if (!obstacleCells[g.Cell(i, j)]) continue;
                foreach (var (di, dj) in Neighbours)
                {
                    var (ni, nj) = (i + di, j + dj);
                    if (ni < 0 || nj < 0 || ni >= g.Nx || nj >= g.Ny) continue;
                    var k = g.Cell(ni, nj);
                    if (simulation.Cells[k] != CellKind.Fluid) continue;
                    // (di, dj) is the outward normal of the obstacle at this face.
                    var (fi, fj) = (ni + di, nj + dj);
                    var faceP = fi >= 0 && fj >= 0 && fi < g.Nx && fj < g.Ny && simulation.Cells[g.Cell(fi, fj)] == CellKind.Fluid
                        ? 1.5 * pressure[k] - 0.5 * pressure[g.Cell(fi, fj)]
                        : pressure[k];
                    fx -= faceP * di * h;
                    fy -= faceP * dj * h;
                    var (u, v) = simulation.Velocity.AtCellCentre(ni, nj);
                    if (di != 0) fy += 2 * mu * v; // a vertical face: tangential velocity is v
                    else fx += 2 * mu * u;         // a horizontal face: tangential velocity is u
                }
            }
        }
        return (fx, fy);
    }

    private static readonly (int, int)[] Neighbours = { (1, 0), (-1, 0), (0, 1), (0, -1) };
}
