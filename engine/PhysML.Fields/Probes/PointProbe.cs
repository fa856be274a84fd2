using PhysML.Core.Application;
using PhysML.Core.Validation;

namespace PhysML.Fields.Probes;

/// <summary>Records a field's value at a point every frame (scene name <c>pointProbe</c>; column = the entity's name).</summary>
[ReadAtStartup]
public readonly record struct PointProbe : IValidatable
{
    public PointProbe() { }

    /// <summary>A 2D field of the scene (e.g. <c>pressure</c>).</summary>
    public string Field { get; init; } = "";

    /// <summary>m.</summary>
    public double X { get; init; }
    public double Y { get; init; }
    /// <summary>m; used for 3D fields only.</summary>
    public double Z { get; init; }

    public IEnumerable<FieldError> Validate() =>
        (Field.Length == 0 ? [new FieldError("field", "must name a field of the scene")] : Array.Empty<FieldError>())
            .Concat(Check.Finite("x", X)).Concat(Check.Finite("y", Y)).Concat(Check.Finite("z", Z));
}
