namespace PhysML.Benchmarks;

/// <summary>World-space position in m. A small blittable component, as STYLE.md habit 3 asks.</summary>
public record struct Position(float X, float Y, float Z);
