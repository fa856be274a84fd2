using System.Text.Json.Serialization;

namespace PhysML.Fields;

/// <summary>The conditions on the four edges of a rectangle (left x=0, right x=W, bottom y=0, top y=H).</summary>
// [JsonConstructor]: scene files must give all four edges; an omitted edge would otherwise be Dirichlet 0.
[method: JsonConstructor]
public readonly record struct BoxBoundary(EdgeCondition Left, EdgeCondition Right, EdgeCondition Bottom, EdgeCondition Top)
{
    public static BoxBoundary All(EdgeCondition condition) => new(condition, condition, condition, condition);

    public bool HasDirichlet =>
        Left.Kind == BoundaryKind.Dirichlet || Right.Kind == BoundaryKind.Dirichlet ||
        Bottom.Kind == BoundaryKind.Dirichlet || Top.Kind == BoundaryKind.Dirichlet;
}
