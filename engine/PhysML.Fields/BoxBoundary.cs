namespace PhysML.Fields;

/// <summary>The conditions on the four edges of a rectangle (left x=0, right x=W, bottom y=0, top y=H).</summary>
public readonly record struct BoxBoundary(EdgeCondition Left, EdgeCondition Right, EdgeCondition Bottom, EdgeCondition Top)
{
    public static BoxBoundary All(EdgeCondition condition) => new(condition, condition, condition, condition);

    public bool HasDirichlet =>
        Left.Kind == BoundaryKind.Dirichlet || Right.Kind == BoundaryKind.Dirichlet ||
        Bottom.Kind == BoundaryKind.Dirichlet || Top.Kind == BoundaryKind.Dirichlet;
}
