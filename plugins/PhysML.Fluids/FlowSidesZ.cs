using System.Text.Json.Serialization;
using PhysML.Fields.Mac;

namespace PhysML.Fluids;

/// <summary>The two sides of a 3D domain across z (back z = 0, front z = Nz·h); 2D domains have none.</summary>
[method: JsonConstructor]
public readonly record struct FlowSidesZ(FlowSide Back, FlowSide Front)
{
    public static FlowSidesZ Closed => new(new FlowSide(SideKind.NoSlip), new FlowSide(SideKind.NoSlip));
}
