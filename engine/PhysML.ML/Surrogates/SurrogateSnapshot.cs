namespace PhysML.ML.Surrogates;

/// <summary>
/// A frozen surrogate the online trainer hands to the scene: its own copy of the weights (the working copy keeps
/// training) and the adoption that made it. <see cref="HeldOutRelL2"/> is its mean relative L2 error on the held-out
/// windows the last time it was validated (null before then).
/// </summary>
public sealed class SurrogateSnapshot(ConstrainedSurrogate model, int version)
{
    public ConstrainedSurrogate Model { get; } = model;
    public int Version { get; } = version;
    public double? HeldOutRelL2 { get; internal set; }
}
