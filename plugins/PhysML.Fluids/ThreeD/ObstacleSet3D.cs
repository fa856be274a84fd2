using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;

namespace PhysML.Fluids.ThreeD;

/// <summary>
/// The obstacles of a 3D fluid domain, rasterised into cell kinds and, for moving ones, the velocity their faces carry
/// (a kinematic obstacle pushes the fluid through the projection's boundary condition u·n = u_solid·n), the 3D
/// <see cref="ObstacleSet2D"/> (which is this on one layer). Cells are solid when their centre is inside an obstacle (a
/// staircase).
/// </summary>
public sealed class ObstacleSet3D(IReadOnlyList<ObstacleShape> shapes)
{
    public IReadOnlyList<ObstacleShape> Shapes { get; } = shapes;
    public bool AnyMoving => Shapes.Any(s => s.IsMoving);

    private int[] _owner = Array.Empty<int>();

    /// <summary>Fills <paramref name="cells"/> for time t, and <paramref name="solidVelocity"/> on every face that touches
    /// a solid cell (the velocity of that cell's obstacle; on a face between two obstacles, the later cell's).</summary>
    public void Rasterise(double time, MacGrid3D grid, CellKind[] cells, MacVelocity3D solidVelocity) =>
        Rasterise(time, grid, cells, solidVelocity.U, solidVelocity.V, solidVelocity.W);

    /// <summary>As the public overload, on the face arrays; <paramref name="w"/> is null on a one-layer (2D) grid.</summary>
    internal void Rasterise(double time, MacGrid3D grid, CellKind[] cells, double[] u, double[] v, double[]? w)
    {
        // Reused: moving obstacles are rasterised every substep.
        if (_owner.Length != grid.CellCount) _owner = new int[grid.CellCount];
        var owner = _owner;
        var h = grid.CellSize;
        for (var k = 0; k < grid.Nz; k++)
            for (var j = 0; j < grid.Ny; j++)
                for (var i = 0; i < grid.Nx; i++)
                {
                    var (x, y, z) = ((i + 0.5) * h, (j + 0.5) * h, (k + 0.5) * h);
                    var n = grid.Cell(i, j, k);
                    owner[n] = -1;
                    for (var s = 0; s < Shapes.Count && owner[n] < 0; s++)
                        if (Shapes[s].ContainsAt(time, x, y, z)) owner[n] = s;
                    cells[n] = owner[n] >= 0 ? CellKind.Solid : CellKind.Fluid;
                }
        Array.Clear(u);
        Array.Clear(v);
        if (w is not null) Array.Clear(w);
        if (!AnyMoving) return;
        var velocities = Shapes.Select(shape => shape.VelocityAt(time)).ToArray();
        for (var k = 0; k < grid.Nz; k++)
            for (var j = 0; j < grid.Ny; j++)
                for (var i = 0; i < grid.Nx; i++)
                {
                    var s = owner[grid.Cell(i, j, k)];
                    if (s < 0) continue;
                    var (vx, vy, vz) = velocities[s];
                    // The faces of a solid cell carry its obstacle's velocity.
                    u[grid.U(i, j, k)] = u[grid.U(i + 1, j, k)] = vx;
                    v[grid.V(i, j, k)] = v[grid.V(i, j + 1, k)] = vy;
                    if (w is not null) w[grid.W(i, j, k)] = w[grid.W(i, j, k + 1)] = vz;
                }
    }
}
