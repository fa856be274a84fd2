using System.Text.Json.Serialization;

namespace PhysML.Fields.Mac;

/// <summary>
/// One side of a fluid domain. For <see cref="SideKind.Inflow"/>, <see cref="Speed"/> is the mean speed into the
/// domain (m/s) and <see cref="Profile"/> its shape. For <see cref="SideKind.NoSlip"/>, <see cref="Speed"/> is the
/// wall's own tangential speed (m/s; a moving lid), along +x on the bottom and top sides and +y on the left and right.
/// Other kinds ignore both.
/// </summary>
[method: JsonConstructor]
public readonly record struct FlowSide(SideKind Kind, double Speed = 0, InflowProfile Profile = InflowProfile.Uniform)
{
    /// <summary>Normal inflow speed at fraction <paramref name="s"/> ∈ [0, 1] along the side.</summary>
    public double InflowSpeedAt(double s) => Profile == InflowProfile.Parabolic ? 6 * Speed * s * (1 - s) : Speed;

    /// <summary>True when the normal velocity on this side is prescribed (pressure is Neumann there).</summary>
    public bool PrescribesNormalVelocity => Kind is SideKind.NoSlip or SideKind.FreeSlip or SideKind.Inflow;
}
