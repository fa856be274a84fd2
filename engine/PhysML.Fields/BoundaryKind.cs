namespace PhysML.Fields;

/// <summary>The kind of condition on one edge of a domain.</summary>
public enum BoundaryKind
{
    /// <summary>The value on the wall is prescribed.</summary>
    Dirichlet,
    /// <summary>The outward normal derivative on the wall is prescribed (0 = insulated / no flux).</summary>
    Neumann,
}
