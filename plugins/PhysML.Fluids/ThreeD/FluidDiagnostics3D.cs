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
