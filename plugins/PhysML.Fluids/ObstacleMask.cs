namespace PhysML.Fluids;

/// <summary>The cells one obstacle occupies (added at Startup to obstacles that carry a <see cref="ForceReport"/>).</summary>
public sealed class ObstacleMask(bool[] cells, string name)
{
    public bool[] Cells { get; } = cells;

    /// <summary>The obstacle's name in metric keys (its entity name, else its entity id).</summary>
    public string Name { get; } = name;
}
