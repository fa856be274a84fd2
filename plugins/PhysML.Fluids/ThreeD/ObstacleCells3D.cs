using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;

namespace PhysML.Fluids.ThreeD;

/// <summary>Rasterises static 3D spheres into cell kinds: a cell is solid when its centre lies in any of them.</summary>
public static class ObstacleCells3D
{
    public static CellKind[] Rasterise(MacGrid3D grid, IReadOnlyList<SphereObstacle> spheres)
    {
        var cells = new CellKind[grid.CellCount];
        new ObstacleSet3D([.. spheres.Select(ObstacleShape.From)]).Rasterise(0, grid, cells, new MacVelocity3D(grid));
        return cells;
    }
}
