using PhysML.Core.Application;
using PhysML.Core.Validation;

namespace PhysML.Fields.Probes;

/// <summary>Records field(A) − field(B) every frame (scene name <c>differenceProbe</c>), e.g. the pressure drop
/// across a cylinder.</summary>
[ReadAtStartup]
public readonly record struct DifferenceProbe : IValidatable
{
    public DifferenceProbe() { }

    public string Field { get; init; } = "";

    /// <summary>Point A, m.</summary>
    public double Ax { get; init; }
    public double Ay { get; init; }
    /// <summary>m; used for 3D fields only.</summary>
    public double Az { get; init; }

    /// <summary>Point B, m.</summary>
    public double Bx { get; init; }
    public double By { get; init; }
    public double Bz { get; init; }

    public IEnumerable<FieldError> Validate() =>
        (Field.Length == 0 ? [new FieldError("field", "must name a field of the scene")] : Array.Empty<FieldError>())
            .Concat(Check.Finite("ax", Ax)).Concat(Check.Finite("ay", Ay)).Concat(Check.Finite("bx", Bx)).Concat(Check.Finite("by", By)).Concat(Check.Finite("az", Az)).Concat(Check.Finite("bz", Bz));
}
