namespace PhysML.Benchmarks;

/// <summary>
/// The object-oriented baseline: one heap object per body, holding its state as plain fields (public fields, not
/// properties, so the baseline pays no accessor cost that a hand-written game loop would not pay either).
/// </summary>
public sealed class Body
{
    public Position Position;
    public Velocity Velocity;
}
