namespace PhysML.Fields.Mac;

/// <summary>The condition on one side of a fluid domain.</summary>
public enum SideKind
{
    /// <summary>A solid wall the fluid sticks to: u·n = 0 and tangential velocity 0.</summary>
    NoSlip,
    /// <summary>A solid wall the fluid slides along: u·n = 0, no tangential stress.</summary>
    FreeSlip,
    /// <summary>Fluid enters with a prescribed normal speed and profile; tangential velocity 0.</summary>
    Inflow,
    /// <summary>An open side at pressure 0; velocity leaves with zero normal gradient.</summary>
    Outflow,
    /// <summary>Wraps to the opposite side; both sides of an axis must be periodic.</summary>
    Periodic,
}
