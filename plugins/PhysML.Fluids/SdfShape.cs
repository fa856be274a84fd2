namespace PhysML.Fluids;

/// <summary>The signed-distance shapes an <see cref="SdfObstacle"/> can take.</summary>
public enum SdfShape
{
    /// <summary>All points within <c>radius</c> of the segment from (x, y) to (x2, y2): a rod, a paddle.</summary>
    Capsule,
    /// <summary>A box of half-size (halfWidth, halfHeight) centred at (x, y), rotated by <c>angle</c> (rad), with its
    /// corners rounded by <c>radius</c>: a baffle, a wing section.</summary>
    RoundedBox,
    /// <summary>The annulus centred at (x, y) between <c>radius</c> − <c>thickness</c>/2 and <c>radius</c> +
    /// <c>thickness</c>/2: a pipe cross-section.</summary>
    Ring,
}
