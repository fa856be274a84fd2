using PhysML.Core.Application;
using PhysML.Core.Validation;

namespace PhysML.Fluids;

/// <summary>
/// Put on an obstacle's entity (scene name <c>forceReport</c>) to have the fluid's force on it reported each frame:
/// <c>forces.NAME.drag</c> and <c>.lift</c> (N per metre of depth, along +x and +y) and the coefficients
/// <c>.cd</c> = 2F_x/(ρU²L) and <c>.cl</c> = 2F_y/(ρU²L) with the reference speed U and length L given here.
/// </summary>
[ReadAtStartup]
public readonly record struct ForceReport : IValidatable
{
    public ForceReport() { }

    /// <summary>m/s, e.g. the mean inflow speed.</summary>
    public double ReferenceSpeed { get; init; } = 1;

    /// <summary>m, e.g. the cylinder's diameter.</summary>
    public double ReferenceLength { get; init; } = 1;

    public IEnumerable<FieldError> Validate() =>
        Check.Positive("referenceSpeed", ReferenceSpeed).Concat(Check.Positive("referenceLength", ReferenceLength));
}
