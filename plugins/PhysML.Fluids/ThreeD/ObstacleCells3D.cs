using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;

namespace PhysML.Fluids.ThreeD;

/// <summary>Rasterises static 3D obstacles into cell kinds: a cell is solid when its centre lies in any obstacle.</summary>
public static class ObstacleCells3D
{
    public static CellKind[] Rasterise(MacGrid3D grid, IReadOnlyList<SphereObstacle> spheres)
    {
        var cells = new CellKind[grid.CellCount];
        var h = grid.CellSize;
        for (var k = 0; k < grid.Nz; k++)
            for (var j = 0; j < grid.Ny; j++)
                for (var i = 0; i < grid.Nx; i++)
                {
                    var (x, y, z) = ((i + 0.5) * h, (j + 0.5) * h, (k + 0.5) * h);
                    foreach (var s in spheres)
                    {
                        if (!s.Contains(x, y, z)) continue;
                        cells[grid.Cell(i, j, k)] = CellKind.Solid;
                        break;
                    }
                }
        return cells;
    }
}
