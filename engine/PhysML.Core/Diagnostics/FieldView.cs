namespace PhysML.Core.Diagnostics;

/// <summary>
/// A read-only view of a named field: its shape in C order (<c>[ny, nx]</c> or <c>[nz, ny, nx]</c>), its unit, and a
/// reader that returns the current values (the live buffer, not a copy: double buffers swap, so read it each time).
/// </summary>
public sealed record FieldView(string Name, string Unit, int[] Shape, Func<ReadOnlyMemory<double>> Read)
{
    public int Length => Shape.Aggregate(1, (a, b) => a * b);

    /// <summary>Metres between samples along each axis, in the order of <see cref="Shape"/>; null when the field has no
    /// geometry (probes then cannot sample it).</summary>
    public double[]? Spacing { get; init; }

    /// <summary>Where sample 0 sits along each axis, in units of <see cref="Spacing"/>: 0.5 for cell centres (the
    /// default), 0 for faces on the domain's edge. Sample index a is at (a + offset)·spacing.</summary>
    public double[]? Offset { get; init; }
}
