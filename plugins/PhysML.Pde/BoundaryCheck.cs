using PhysML.Core.Validation;
using PhysML.Fields;

namespace PhysML.Pde;

/// <summary>Validation of a <see cref="BoxBoundary"/>: every edge value finite, named as the scene file spells it.</summary>
internal static class BoundaryCheck
{
    public static IEnumerable<FieldError> Errors(string field, BoxBoundary boundary) =>
        Check.Finite($"{field}.left.value", boundary.Left.Value)
            .Concat(Check.Finite($"{field}.right.value", boundary.Right.Value))
            .Concat(Check.Finite($"{field}.bottom.value", boundary.Bottom.Value))
            .Concat(Check.Finite($"{field}.top.value", boundary.Top.Value));
}
