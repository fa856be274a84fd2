using PhysML.Fields.Mac;

namespace PhysML.Fluids;

/// <summary>Solids hold no smoke: after advection, what interpolation dragged into solid cells is removed (2D and 3D).</summary>
internal static class SolidScalars
{
    public static void Clear(ReadOnlySpan<CellKind> cells, Span<double> density, Span<double> temperature, double ambient)
    {
        for (var k = 0; k < cells.Length; k++)
        {
            if (cells[k] == CellKind.Fluid) continue;
            density[k] = 0;
            temperature[k] = ambient;
        }
    }
}
