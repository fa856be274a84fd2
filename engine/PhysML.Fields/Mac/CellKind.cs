namespace PhysML.Fields.Mac;

/// <summary>What occupies a cell. Faces between a fluid and a solid cell carry the solid's velocity.</summary>
public enum CellKind : byte
{
    Fluid = 0,
    Solid = 1,
}
