using System.Text.Json.Serialization;

namespace PhysML.Fields;

/// <summary>
/// The condition on one edge: for <see cref="BoundaryKind.Dirichlet"/>, <see cref="Value"/> is the wall value (field
/// units); for <see cref="BoundaryKind.Neumann"/>, it is the outward normal derivative ∂u/∂n (field units per metre).
/// </summary>
// [JsonConstructor]: a struct is otherwise read through its default constructor, and a missing field would
// silently become Dirichlet 0; through the constructor, scene files must give both fields.
[method: JsonConstructor]
public readonly record struct EdgeCondition(BoundaryKind Kind, double Value)
{
    public static EdgeCondition Dirichlet(double value) => new(BoundaryKind.Dirichlet, value);
    public static EdgeCondition Neumann(double outwardDerivative) => new(BoundaryKind.Neumann, outwardDerivative);
}
