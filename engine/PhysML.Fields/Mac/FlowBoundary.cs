using System.Text.Json.Serialization;

namespace PhysML.Fields.Mac;

/// <summary>The four sides of a 2D fluid domain (left x = 0, right x = W, bottom y = 0, top y = H).</summary>
[method: JsonConstructor]
public readonly record struct FlowBoundary(FlowSide Left, FlowSide Right, FlowSide Bottom, FlowSide Top)
{
    public static FlowBoundary ClosedBox => All(new FlowSide(SideKind.NoSlip));

    public static FlowBoundary All(FlowSide side) => new(side, side, side, side);

    public bool PeriodicX => Left.Kind == SideKind.Periodic;
    public bool PeriodicY => Bottom.Kind == SideKind.Periodic;

    /// <summary>
    /// True when no side fixes the pressure (no outflow): the pressure Poisson system is then singular, defined up to a
    /// constant, and needs a right-hand side whose fluid-cell sum is zero.
    /// </summary>
    public bool PressureIsSingular =>
        Left.Kind != SideKind.Outflow && Right.Kind != SideKind.Outflow &&
        Bottom.Kind != SideKind.Outflow && Top.Kind != SideKind.Outflow;

    /// <summary>Problems with the combination of sides, as (side, message) pairs; empty when valid.</summary>
    public IEnumerable<(string Side, string Message)> Problems()
    {
        if ((Left.Kind == SideKind.Periodic) != (Right.Kind == SideKind.Periodic))
            yield return ("left", "left and right must both be periodic or neither");
        if ((Bottom.Kind == SideKind.Periodic) != (Top.Kind == SideKind.Periodic))
            yield return ("bottom", "bottom and top must both be periodic or neither");
        foreach (var (name, side) in new[] { ("left", Left), ("right", Right), ("bottom", Bottom), ("top", Top) })
        {
            if (side.Kind == SideKind.Inflow && !(side.Speed >= 0 && double.IsFinite(side.Speed)))
                yield return (name, $"inflow speed must be a finite number >= 0, got {side.Speed}");
            if (side.Kind == SideKind.NoSlip && !double.IsFinite(side.Speed))
                yield return (name, $"wall speed must be a finite number, got {side.Speed}");
        }
    }
}
