using PhysML.Core.Checkpoints;

namespace PhysML.ML.Training;

// Checkpoints of deterministic online training: everything the next round depends on is written (counters, the RNG,
// reservoir, held-out samples, samples still queued, the current, previous and pending models, and the
// learner's working weights and optimiser), so a resumed run trains exactly as an uninterrupted one.
public sealed partial class OnlineTrainer<TSample, TSnapshot>
{
    /// <summary>Why this trainer cannot be checkpointed, or null when it can (deterministic mode).</summary>
    public string? CheckpointRefusal => _settings.Deterministic
        ? null
        : "background online training (a thread's timing decides which samples each round saw, so no resume can repeat it; " +
          "\"deterministic\": true trains at frame boundaries and can be checkpointed)";

    public void WriteCheckpoint(BinaryWriter writer, IOnlineCheckpointFormat<TSample, TSnapshot> format)
    {
        var learner = CheckpointableLearner();
        writer.Write(_received);
        writer.Write(_sinceRound);
        writer.Write(Dropped);
        writer.Write(Offered);
        writer.Write(Rounds);
        writer.Write(Rejected);
        writer.Write(Adoptions);
        writer.Write(LastLoss.HasValue);
        writer.Write(LastLoss ?? 0);
        _random.WriteCheckpoint(writer);
        WriteSamples(writer, format, _reservoir);
        WriteSamples(writer, format, _heldOut);
        // Samples offered since the last round wait in the queue, in order (deterministic mode has no other reader, so
        // the copy is exact and nothing is taken out).
        WriteSamples(writer, format, _queue.ToArray());
        format.WriteSnapshot(writer, Current);
        WriteOptional(writer, format, Previous);
        WriteOptional(writer, format, Volatile.Read(ref _pending));
        learner.WriteCheckpoint(writer);
    }

    /// <summary>Reads what <see cref="WriteCheckpoint"/> wrote into a trainer freshly built by the scene's Startup.</summary>
    public void ReadCheckpoint(BinaryReader reader, IOnlineCheckpointFormat<TSample, TSnapshot> format)
    {
        var learner = CheckpointableLearner();
        if (Offered != 0) throw new InvalidOperationException("a checkpoint is read into a trainer that has not been offered samples yet");
        _received = reader.ReadInt64();
        _sinceRound = reader.ReadInt64();
        _dropped = reader.ReadInt64();
        Offered = reader.ReadInt64();
        Rounds = reader.ReadInt32();
        Rejected = reader.ReadInt32();
        Adoptions = reader.ReadInt32();
        var hasLoss = reader.ReadBoolean();
        var loss = reader.ReadDouble();
        LastLoss = hasLoss ? loss : null;
        _random.ReadCheckpoint(reader);
        ReadSamples(reader, format, _reservoir, _settings.ReservoirSize, "reservoir");
        ReadSamples(reader, format, _heldOut, _settings.HeldOutSize, "held-out samples");
        var waiting = new List<TSample>();
        ReadSamples(reader, format, waiting, _settings.ChannelCapacity, "samples waiting in the queue");
        foreach (var sample in waiting)
        {
            _queue.Enqueue(sample);
            Interlocked.Increment(ref _queued);
        }
        Current = format.ReadSnapshot(reader);
        Previous = ReadOptional(reader, format);
        _pending = ReadOptional(reader, format);
        learner.ReadCheckpoint(reader);
    }

    private ICheckpointable CheckpointableLearner()
    {
        if (CheckpointRefusal is { } refusal) throw new InvalidOperationException($"cannot checkpoint {refusal}");
        return _learner as ICheckpointable
               ?? throw new InvalidOperationException($"online learner {_learner.GetType().Name} does not support checkpoints");
    }

    private static void WriteSamples(BinaryWriter writer, IOnlineCheckpointFormat<TSample, TSnapshot> format, IReadOnlyList<TSample> samples)
    {
        writer.Write(samples.Count);
        foreach (var sample in samples) format.WriteSample(writer, sample);
    }

    private static void ReadSamples(BinaryReader reader, IOnlineCheckpointFormat<TSample, TSnapshot> format, List<TSample> into, int capacity, string what)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > capacity)
            throw new CheckpointFormatException($"online training: the checkpoint holds {count} {what}, this scene keeps at most {capacity}");
        into.Clear();
        for (var n = 0; n < count; n++) into.Add(format.ReadSample(reader));
    }

    private static void WriteOptional(BinaryWriter writer, IOnlineCheckpointFormat<TSample, TSnapshot> format, TSnapshot? snapshot)
    {
        writer.Write(snapshot is not null);
        if (snapshot is not null) format.WriteSnapshot(writer, snapshot);
    }

    private static TSnapshot? ReadOptional(BinaryReader reader, IOnlineCheckpointFormat<TSample, TSnapshot> format) =>
        reader.ReadBoolean() ? format.ReadSnapshot(reader) : null;
}
