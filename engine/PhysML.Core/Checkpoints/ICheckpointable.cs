namespace PhysML.Core.Checkpoints;

/// <summary>
/// State a run checkpoint carries (<c>physml run --checkpoint-every</c>, <c>physml resume</c>): a resource or a
/// managed component (a plugin's simulation class) writes everything that the next frame depends on, and reads it back
/// into the instance its plugin built at Startup of a fresh load of the same scene. What Startup rebuilds the same way
/// (grids, operators, caches keyed by what is restored) need not be written; everything else must be, bit for bit, or
/// a resumed run drifts from an uninterrupted one.
/// </summary>
public interface ICheckpointable
{
    void WriteCheckpoint(BinaryWriter writer);

    /// <summary>Reads what <see cref="WriteCheckpoint"/> wrote; throws <see cref="CheckpointFormatException"/> when
    /// it does not fit this instance (another grid size, say).</summary>
    void ReadCheckpoint(BinaryReader reader);

    /// <summary>Why this instance, as the scene configured it, cannot be checkpointed (a resource whose type supports
    /// checkpoints for some configurations only), or null when it can. Checked on resources before a run with
    /// <c>--checkpoint-every</c> starts, so the refusal (PML0602) comes before anything is written.</summary>
    string? CheckpointRefusal => null;
}
