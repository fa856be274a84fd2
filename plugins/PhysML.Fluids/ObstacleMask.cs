using PhysML.Fields.Mac;

namespace PhysML.Fluids;

/// <summary>The cells one obstacle occupies (added at Startup to obstacles that carry a <see cref="ForceReport"/>);
/// recomputed for the current time when the obstacle moves.</summary>
public sealed class ObstacleMask(ObstacleShape shape, MacGrid2D grid, string name)
{
    private readonly bool[] _cells = new bool[grid.CellCount];
    private double _time = double.NaN;

    /// <summary>The obstacle's name in metric keys (its entity name, else its entity id).</summary>
    public string Name { get; } = name;

    public bool[] CellsAt(double time)
    {
        if (_time == time || (!shape.IsMoving && !double.IsNaN(_time))) return _cells;
        for (var j = 0; j < grid.Ny; j++)
            for (var i = 0; i < grid.Nx; i++)
                _cells[grid.Cell(i, j)] = shape.ContainsAt(time, (i + 0.5) * grid.CellSize, (j + 0.5) * grid.CellSize);
        _time = time;
        return _cells;
    }
}
