using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;
using PhysML.Fluids.ThreeD;

namespace PhysML.Fluids;

/// <summary>
/// The obstacles of a 2D fluid domain, rasterised into cell kinds and, for moving ones, the velocity their faces carry
/// (a kinematic obstacle pushes the fluid through the projection's boundary condition u·n = u_solid·n). Cells are
/// solid when their centre is inside an obstacle (a staircase). The work is <see cref="ObstacleSet3D"/>'s on one layer:
/// a 2D array is a one-layer 3D one, index for index.
/// </summary>
public sealed class ObstacleSet2D(IReadOnlyList<ObstacleShape> shapes)
{
    private readonly ObstacleSet3D _layer = new(shapes);

    public IReadOnlyList<ObstacleShape> Shapes => _layer.Shapes;
    public bool AnyMoving => _layer.AnyMoving;

    /// <summary>Fills <paramref name="cells"/> for time t, and <paramref name="solidVelocity"/> on every face that touches
    /// a solid cell (the velocity of that cell's obstacle).</summary>
    public void Rasterise(double time, MacGrid2D grid, CellKind[] cells, MacVelocity2D solidVelocity) =>
        _layer.Rasterise(time, new MacGrid3D(grid.Nx, grid.Ny, 1, grid.CellSize), cells, solidVelocity.U, solidVelocity.V, null);
}
