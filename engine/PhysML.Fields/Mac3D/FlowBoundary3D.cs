using System.Text.Json.Serialization;
using PhysML.Fields.Mac;

namespace PhysML.Fields.Mac3D;

/// <summary>
/// The six sides of a 3D fluid domain: left/right (x = 0, W), bottom/top (y = 0, H; y is the gravity axis) and
/// back/front (z = 0, D). Reuses <see cref="FlowSide"/>: NoSlip, FreeSlip, Inflow, Outflow and Periodic are all
/// supported by the 3D projection, advection and viscosity. The projection imposes u·n = 0 on both walls; they differ
/// in the viscous ghosts (NoSlip: u = wall speed at the wall, FreeSlip: zero shear). A NoSlip wall's speed (a moving
/// lid) runs along its first tangential axis in x, y, z order: y for left/right, x for bottom/top and back/front
/// (as in 2D, where each wall has one tangential axis); it acts only through viscosity.
/// An inflow's profile over the side is uniform or, for <see cref="InflowProfile.Parabolic"/>, the product of the
/// 2D profile's parabola 6s(1−s) along each tangential axis that ends at walls (36·Speed·s(1−s)·t(1−t) in a duct, whose
/// mean is Speed); along a periodic tangential axis it is uniform, so a channel periodic in z gets the 2D profile on
/// every layer (a z-invariant flow, the 2D flow).
/// </summary>
[method: JsonConstructor]
public readonly record struct FlowBoundary3D(
    FlowSide Left, FlowSide Right, FlowSide Bottom, FlowSide Top, FlowSide Back, FlowSide Front)
{
    public static FlowBoundary3D ClosedBox => All(new FlowSide(SideKind.NoSlip));

    public static FlowBoundary3D All(FlowSide side) => new(side, side, side, side, side, side);

    public bool PeriodicX => Left.Kind == SideKind.Periodic;
    public bool PeriodicY => Bottom.Kind == SideKind.Periodic;
    public bool PeriodicZ => Back.Kind == SideKind.Periodic;

    /// <summary>
    /// True when no side fixes the pressure (no outflow): the pressure Poisson system is then singular, defined up to a
    /// constant, and needs a right-hand side whose fluid-cell sum is zero.
    /// </summary>
    public bool PressureIsSingular =>
        Left.Kind != SideKind.Outflow && Right.Kind != SideKind.Outflow &&
        Bottom.Kind != SideKind.Outflow && Top.Kind != SideKind.Outflow &&
        Back.Kind != SideKind.Outflow && Front.Kind != SideKind.Outflow;

    /// <summary>The sides with their scene names, in the order left, right, bottom, top, back, front.</summary>
    public IEnumerable<(string Name, FlowSide Side)> Sides()
    {
        yield return ("left", Left);
        yield return ("right", Right);
        yield return ("bottom", Bottom);
        yield return ("top", Top);
        yield return ("back", Back);
        yield return ("front", Front);
    }

    /// <summary>Inflow speed into the domain at fractions (s, t) ∈ [0, 1]² along the side's two tangential axes (in
    /// x, y, z order); <paramref name="periodicS"/> and <paramref name="periodicT"/> say whether those axes are periodic.</summary>
    public static double InflowSpeedAt(FlowSide side, double s, double t, bool periodicS, bool periodicT)
    {
        if (side.Profile != InflowProfile.Parabolic) return side.Speed;
        // A periodic axis has no wall for the profile to vanish at: the parabola there would make a z-periodic channel
        // vary along z (5% more drag on an extruded obstacle than the 2D flow at 4 layers, before this rule).
        static double Shape(double x, bool periodic) => periodic ? 1 : 6 * x * (1 - x);
        return side.Speed * Shape(s, periodicS) * Shape(t, periodicT);
    }

    /// <summary>Problems with the combination of sides, as (side, message) pairs; empty when valid.</summary>
    public IEnumerable<(string Side, string Message)> Problems()
    {
        if ((Left.Kind == SideKind.Periodic) != (Right.Kind == SideKind.Periodic))
            yield return ("left", "left and right must both be periodic or neither");
        if ((Bottom.Kind == SideKind.Periodic) != (Top.Kind == SideKind.Periodic))
            yield return ("bottom", "bottom and top must both be periodic or neither");
        if ((Back.Kind == SideKind.Periodic) != (Front.Kind == SideKind.Periodic))
            yield return ("back", "back and front must both be periodic or neither");
        foreach (var (name, side) in Sides())
        {
            if (side.Kind == SideKind.Inflow && !(side.Speed >= 0 && double.IsFinite(side.Speed)))
                yield return (name, $"inflow speed must be a finite number >= 0, got {side.Speed}");
            if (side.Kind == SideKind.NoSlip && !double.IsFinite(side.Speed))
                yield return (name, $"wall speed must be a finite number, got {side.Speed}");
        }
    }
}
