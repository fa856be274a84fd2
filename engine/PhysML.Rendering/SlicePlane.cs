namespace PhysML.Rendering;

/// <summary>A plane of constant x, y or z through a 3D domain, at <see cref="Position"/> (0..1 of the domain along the
/// axis), on which the displayed field is drawn colormapped.</summary>
public readonly record struct SlicePlane(SliceAxis Axis, double Position)
{
    public static SlicePlane None => new(SliceAxis.None, 0.5);
}

public enum SliceAxis
{
    None,
    X,
    Y,
    Z,
}
