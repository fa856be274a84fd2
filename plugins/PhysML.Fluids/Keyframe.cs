using PhysML.Core.Validation;

namespace PhysML.Fluids;

/// <summary>One point of an obstacle's keyframed path: where its reference point (centre, or a capsule's first end) is
/// at time <see cref="T"/> (s); <see cref="X"/>, <see cref="Y"/>, <see cref="Z"/> in m, z for 3D domains only.</summary>
public readonly record struct Keyframe : IValidatable
{
    public double T { get; init; }
    public double X { get; init; }
    public double Y { get; init; }
    public double Z { get; init; }

    public IEnumerable<FieldError> Validate() =>
        Check.Finite("t", T).Concat(Check.Finite("x", X)).Concat(Check.Finite("y", Y)).Concat(Check.Finite("z", Z));
}
