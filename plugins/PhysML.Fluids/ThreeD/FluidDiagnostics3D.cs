using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;

namespace PhysML.Fluids.ThreeD;

/// <summary>Derived quantities of a 3D MAC velocity field: speed at cell centres, kinetic energy, largest face speed.</summary>
public static class FluidDiagnostics3D
{
    /// <summary>|u| at cell centres, m/s.</summary>
    public static void Speed(MacVelocity3D velocity, Span<double> speed)
    {
        var g = velocity.Grid;
        for (var k = 0; k < g.Nz; k++)
            for (var j = 0; j < g.Ny; j++)
                for (var i = 0; i < g.Nx; i++)
                {
                    var (u, v, w) = velocity.AtCellCentre(i, j, k);
                    speed[g.Cell(i, j, k)] = Math.Sqrt(u * u + v * v + w * w);
                }
    }

    /// <summary>ω = ∇ × u at cell centres, 1/s: central differences of the cell-centred velocity, one-sided at the
    /// walls (the 2D <see cref="FluidDiagnostics2D.Vorticity"/>, per component).</summary>
    public static void Vorticity(MacVelocity3D velocity, Span<double> wx, Span<double> wy, Span<double> wz)
    {
        var g = velocity.Grid;
        var h = g.CellSize;
        (double U, double V, double W) At(int i, int j, int k) => (
            0.5 * (velocity.U[g.U(i, j, k)] + velocity.U[g.U(i + 1, j, k)]),
            0.5 * (velocity.V[g.V(i, j, k)] + velocity.V[g.V(i, j + 1, k)]),
            0.5 * (velocity.W[g.W(i, j, k)] + velocity.W[g.W(i, j, k + 1)]));
        for (var k = 0; k < g.Nz; k++)
            for (var j = 0; j < g.Ny; j++)
                for (var i = 0; i < g.Nx; i++)
                {
                    var (i0, i1) = (Math.Max(i - 1, 0), Math.Min(i + 1, g.Nx - 1));
                    var (j0, j1) = (Math.Max(j - 1, 0), Math.Min(j + 1, g.Ny - 1));
                    var (k0, k1) = (Math.Max(k - 1, 0), Math.Min(k + 1, g.Nz - 1));
                    var (dx, dy, dz) = ((i1 - i0) * h, (j1 - j0) * h, (k1 - k0) * h);
                    var (east, west) = (At(i1, j, k), At(i0, j, k));
                    var (north, south) = (At(i, j1, k), At(i, j0, k));
                    var (front, back) = (At(i, j, k1), At(i, j, k0));
                    var c = g.Cell(i, j, k);
                    // A direction with one cell (dz = 0 when nz = 1) has no derivative.
                    double D(double hi, double lo, double d) => d > 0 ? (hi - lo) / d : 0;
                    wx[c] = D(north.W, south.W, dy) - D(front.V, back.V, dz);
                    wy[c] = D(front.U, back.U, dz) - D(east.W, west.W, dx);
                    wz[c] = D(east.V, west.V, dx) - D(north.U, south.U, dy);
                }
    }

    /// <summary>½ρ∫|u|² dV over fluid cells, velocity averaged to cell centres, J.</summary>
    public static double KineticEnergy(MacVelocity3D velocity, ReadOnlySpan<CellKind> cells, double density)
    {
        var g = velocity.Grid;
        var sum = 0.0;
        for (var k = 0; k < g.Nz; k++)
            for (var j = 0; j < g.Ny; j++)
                for (var i = 0; i < g.Nx; i++)
                {
                    if (cells[g.Cell(i, j, k)] != CellKind.Fluid) continue;
                    var (u, v, w) = velocity.AtCellCentre(i, j, k);
                    sum += u * u + v * v + w * w;
                }
        return 0.5 * density * sum * g.CellSize * g.CellSize * g.CellSize;
    }

    /// <summary>The largest |face velocity| of any component, m/s.</summary>
    public static double MaxFaceSpeed(MacVelocity3D velocity)
    {
        var max = 0.0;
        foreach (var u in velocity.U) max = Math.Max(max, Math.Abs(u));
        foreach (var v in velocity.V) max = Math.Max(max, Math.Abs(v));
        foreach (var w in velocity.W) max = Math.Max(max, Math.Abs(w));
        return max;
    }
}
