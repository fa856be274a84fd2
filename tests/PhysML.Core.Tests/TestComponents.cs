namespace PhysML.Core.Tests;

public record struct Position(double X, double Y);
public record struct Velocity(double X, double Y);
public record struct Mass(double Value);
public record struct Frozen;
public record struct Tag(int Value);
