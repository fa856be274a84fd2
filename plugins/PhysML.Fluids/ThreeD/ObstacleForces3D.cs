using PhysML.Fields.Mac;

namespace PhysML.Fluids.ThreeD;

/// <summary>
/// The force of the fluid on one obstacle in 3D, N, summed over the faces between its cells and fluid cells (a
/// staircase surface), as <see cref="ObstacleForces2D"/> does per metre of depth. Pressure: −p·n·h² on each face (n the
/// obstacle's outward normal), p extrapolated linearly from the two fluid cells outside the face to the face itself
/// (so a hydrostatic pressure integrates exactly). Viscous: at a no-slip surface only shear acts,
/// τ = μ·∂u_t/∂n ≈ μ·u_t/(h/2) with u_t the fluid cell's tangential velocity (both tangential components), so each
/// face adds 2μ·h·u_t along the surface; normal viscous stress vanishes at a no-slip wall (∂u_n/∂n = 0 there).
/// </summary>
public static class ObstacleForces3D
{
    private static readonly (int, int, int)[] Neighbours = [(1, 0, 0), (-1, 0, 0), (0, 1, 0), (0, -1, 0), (0, 0, 1), (0, 0, -1)];

    /// <param name="simulation">The fluid, its cell kinds and velocity.</param>
    /// <param name="obstacleCells">The obstacle's cells (its <see cref="ObstacleMask"/>).</param>
    /// <param name="pressure">Pressure per cell, Pa.</param>
    /// <param name="dynamicViscosity">μ = ρν, Pa·s.</param>
    public static (double Fx, double Fy, double Fz) Compute(FluidSimulation3D simulation, ReadOnlySpan<bool> obstacleCells,
        ReadOnlySpan<double> pressure, double dynamicViscosity)
    {
        var g = simulation.Grid;
        var h = g.CellSize;
        var cells = simulation.Cells;
        bool IsFluid(int i, int j, int k) =>
            i >= 0 && j >= 0 && k >= 0 && i < g.Nx && j < g.Ny && k < g.Nz && cells[g.Cell(i, j, k)] == CellKind.Fluid;
        double fx = 0, fy = 0, fz = 0;
        for (var k = 0; k < g.Nz; k++)
            for (var j = 0; j < g.Ny; j++)
                for (var i = 0; i < g.Nx; i++)
                {
                    if (!obstacleCells[g.Cell(i, j, k)]) continue;
                    foreach (var (di, dj, dk) in Neighbours)
                    {
                        var (ni, nj, nk) = (i + di, j + dj, k + dk);
                        if (!IsFluid(ni, nj, nk)) continue;
                        // (di, dj, dk) is the obstacle's outward normal at this face.
                        var near = pressure[g.Cell(ni, nj, nk)];
                        var faceP = IsFluid(ni + di, nj + dj, nk + dk)
                            ? 1.5 * near - 0.5 * pressure[g.Cell(ni + di, nj + dj, nk + dk)]
                            : near;
                        var area = h * h;
                        fx -= faceP * di * area;
                        fy -= faceP * dj * area;
                        fz -= faceP * dk * area;
                        // Shear: the fluid cell's velocity minus its normal part, 2μ·h per face.
                        var (u, v, w) = simulation.Velocity.AtCellCentre(ni, nj, nk);
                        var shear = 2 * dynamicViscosity * h;
                        if (di == 0) fx += shear * u;
                        if (dj == 0) fy += shear * v;
                        if (dk == 0) fz += shear * w;
                    }
                }
        return (fx, fy, fz);
    }
}
