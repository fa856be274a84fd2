using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;
using PhysML.Core.Checkpoints;

namespace PhysML.Fluids;

/// <summary>The cells one obstacle occupies (added at Startup to obstacles that carry a <see cref="ForceReport"/>);
/// recomputed for the current time when the obstacle moves. A 2D grid is the one-layer 3D grid, index for index.</summary>
[NoCheckpointState("a cache of the obstacle's cells, recomputed from its shape for the time asked")]
public sealed class ObstacleMask(ObstacleShape shape, MacGrid3D grid, string name)
{
    private readonly bool[] _cells = new bool[grid.CellCount];
    private double _time = double.NaN;

    public ObstacleMask(ObstacleShape shape, MacGrid2D grid, string name)
        : this(shape, new MacGrid3D(grid.Nx, grid.Ny, 1, grid.CellSize), name)
    {
    }

    /// <summary>The obstacle's name in metric keys (its entity name, else its entity id).</summary>
    public string Name { get; } = name;

    public bool[] CellsAt(double time)
    {
        if (_time == time || (!shape.IsMoving && !double.IsNaN(_time))) return _cells;
        var h = grid.CellSize;
        for (var k = 0; k < grid.Nz; k++)
            for (var j = 0; j < grid.Ny; j++)
                for (var i = 0; i < grid.Nx; i++)
                    _cells[grid.Cell(i, j, k)] = shape.ContainsAt(time, (i + 0.5) * h, (j + 0.5) * h, (k + 0.5) * h);
        _time = time;
        return _cells;
    }
}
