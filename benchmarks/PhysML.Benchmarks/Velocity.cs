namespace PhysML.Benchmarks;

/// <summary>Velocity in m/s.</summary>
public record struct Velocity(float X, float Y, float Z);
