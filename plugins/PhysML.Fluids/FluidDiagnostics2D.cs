using PhysML.Fields.Mac;

namespace PhysML.Fluids;

/// <summary>Derived quantities of a MAC velocity field: speed, vorticity, kinetic energy, largest face speed.</summary>
public static class FluidDiagnostics2D
{
    /// <summary>|u| at cell centres, m/s.</summary>
    public static void Speed(MacVelocity2D velocity, Span<double> speed)
    {
        var g = velocity.Grid;
        for (var j = 0; j < g.Ny; j++)
            for (var i = 0; i < g.Nx; i++)
            {
                var (u, v) = velocity.AtCellCentre(i, j);
                speed[g.Cell(i, j)] = Math.Sqrt(u * u + v * v);
            }
    }

    /// <summary>ω = ∂v/∂x − ∂u/∂y at cell centres (1/s), by central differences of the cell-centred velocity
    /// (one-sided at the domain edges).</summary>
    public static void Vorticity(MacVelocity2D velocity, Span<double> vorticity)
    {
        var g = velocity.Grid;
        var h = g.CellSize;
        for (var j = 0; j < g.Ny; j++)
        {
            for (var i = 0; i < g.Nx; i++)
            {
                var (i0, i1) = (Math.Max(i - 1, 0), Math.Min(i + 1, g.Nx - 1));
                var (j0, j1) = (Math.Max(j - 1, 0), Math.Min(j + 1, g.Ny - 1));
                var dvdx = (velocity.AtCellCentre(i1, j).V - velocity.AtCellCentre(i0, j).V) / ((i1 - i0) * h);
                var dudy = (velocity.AtCellCentre(i, j1).U - velocity.AtCellCentre(i, j0).U) / ((j1 - j0) * h);
                vorticity[g.Cell(i, j)] = dvdx - dudy;
            }
        }
    }

    /// <summary>½ρ∫|u|² dA over fluid cells, with the velocity averaged to cell centres (J per metre of depth).</summary>
    public static double KineticEnergy(MacVelocity2D velocity, ReadOnlySpan<CellKind> cells, double density)
    {
        var g = velocity.Grid;
        var sum = 0.0;
        for (var j = 0; j < g.Ny; j++)
            for (var i = 0; i < g.Nx; i++)
            {
                if (cells[g.Cell(i, j)] != CellKind.Fluid) continue;
                var (u, v) = velocity.AtCellCentre(i, j);
                sum += u * u + v * v;
            }
        return 0.5 * density * sum * g.CellSize * g.CellSize;
    }

    /// <summary>The largest |face velocity| of either component, m/s.</summary>
    public static double MaxFaceSpeed(MacVelocity2D velocity)
    {
        var max = 0.0;
        foreach (var u in velocity.U) max = Math.Max(max, Math.Abs(u));
        foreach (var v in velocity.V) max = Math.Max(max, Math.Abs(v));
        return max;
    }
}
