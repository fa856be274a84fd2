namespace PhysML.Core.Diagnostics;

/// <summary>
/// A read-only view of a named field: its shape in C order (<c>[ny, nx]</c> or <c>[nz, ny, nx]</c>), its unit, and a
/// reader that returns the current values (the live buffer, not a copy: double buffers swap, so read it each time).
/// </summary>
public sealed record FieldView(string Name, string Unit, int[] Shape, Func<ReadOnlyMemory<double>> Read)
{
    public int Length => Shape.Aggregate(1, (a, b) => a * b);
}
