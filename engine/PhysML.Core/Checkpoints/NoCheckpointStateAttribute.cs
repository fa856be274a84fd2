namespace PhysML.Core.Checkpoints;

/// <summary>
/// Marks a resource or managed component type that holds no run state: Startup rebuilds it identically from the
/// scene (a field catalogue of views, a device handle, a cache keyed by time), or it is cleared at the start of every
/// frame. Checkpoints skip it. A type with neither this nor <see cref="ICheckpointable"/> makes
/// <c>--checkpoint-every</c> an error (PML0602): the engine cannot tell its state is safe to drop.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, Inherited = false)]
public sealed class NoCheckpointStateAttribute(string reason) : Attribute
{
    /// <summary>Why nothing needs saving, for readers of the code.</summary>
    public string Reason { get; } = reason;
}
