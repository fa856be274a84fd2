using PhysML.Fields.Mac;

namespace PhysML.Fluids;

/// <summary>
/// The obstacles of a fluid domain, rasterised into cell kinds and, for moving ones, the velocity their faces carry
/// (a kinematic obstacle pushes the fluid through the projection's boundary condition u·n = u_solid·n). Cells are
/// solid when their centre is inside an obstacle (a staircase).
/// </summary>
public sealed class ObstacleSet2D(IReadOnlyList<ObstacleShape> shapes)
{
    public IReadOnlyList<ObstacleShape> Shapes { get; } = shapes;
    public bool AnyMoving => Shapes.Any(s => s.IsMoving);

    private int[] _owner = Array.Empty<int>();

    /// <summary>Fills <paramref name="cells"/> for time t, and <paramref name="solidVelocity"/> on every face that touches
    /// a solid cell (the velocity of that cell's obstacle; on a face between two obstacles, the first one's).</summary>
    public void Rasterise(double time, MacGrid2D grid, CellKind[] cells, MacVelocity2D solidVelocity)
    {
        // Reused: moving obstacles are rasterised every substep.
        if (_owner.Length != grid.CellCount) _owner = new int[grid.CellCount];
        var owner = _owner;
        for (var j = 0; j < grid.Ny; j++)
        {
            for (var i = 0; i < grid.Nx; i++)
            {
                var (x, y) = ((i + 0.5) * grid.CellSize, (j + 0.5) * grid.CellSize);
                var k = grid.Cell(i, j);
                owner[k] = -1;
                for (var s = 0; s < Shapes.Count && owner[k] < 0; s++)
                    if (Shapes[s].ContainsAt(time, x, y)) owner[k] = s;
                cells[k] = owner[k] >= 0 ? CellKind.Solid : CellKind.Fluid;
            }
        }
        Array.Clear(solidVelocity.U);
        Array.Clear(solidVelocity.V);
        if (!AnyMoving) return;
        var velocities = Shapes.Select(shape => shape.VelocityAt(time)).ToArray();
        for (var j = 0; j < grid.Ny; j++)
        {
            for (var i = 0; i < grid.Nx; i++)
            {
                var s = owner[grid.Cell(i, j)];
                if (s < 0) continue;
                var (vx, vy) = velocities[s];
                // The four faces of a solid cell carry its obstacle's velocity.
                solidVelocity.U[grid.U(i, j)] = solidVelocity.U[grid.U(i + 1, j)] = vx;
                solidVelocity.V[grid.V(i, j)] = solidVelocity.V[grid.V(i, j + 1)] = vy;
            }
        }
    }
}
