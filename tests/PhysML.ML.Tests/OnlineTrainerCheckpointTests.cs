using PhysML.Core.Checkpoints;
using PhysML.ML.Training;
using PhysML.Solvers.Learned;

namespace PhysML.ML.Tests;

/// <summary>A deterministic <see cref="OnlineTrainer{TSample, TSnapshot}"/> written to a checkpoint mid-run and read into a
/// fresh one continues exactly as the original: the same samples in each round, the same random draws, counters and
/// models. Background training refuses.</summary>
public class OnlineTrainerCheckpointTests
{
    /// <summary>A learner whose model is a number; it records each round's samples and the trainer's random draw.</summary>
    private sealed class RecordingLearner : IOnlineLearner<int, string>, ICheckpointable
    {
        public int Value;
        public readonly List<string> Log = new();
        public double Train(IReadOnlyList<int> samples, int steps, Random random)
        {
            var draw = random.Next();
            Log.Add($"[{string.Join(",", samples)}] draw {draw}");
            Value += draw % 7;
            return 1.0 / (1 + Value);
        }
        public string Snapshot(int version) => $"v{version}:{Value}";
        // Odd values validate better, so some candidates are adopted and some rejected.
        public double Score(string snapshot, IReadOnlyList<int> heldOut) => int.Parse(snapshot.Split(':')[1]) % 2 == 1 ? 0 : 1;
        public void WriteCheckpoint(BinaryWriter writer) => writer.Write(Value);
        public void ReadCheckpoint(BinaryReader reader) => Value = reader.ReadInt32();
        public void Dispose() { }
    }

    private sealed class Format : IOnlineCheckpointFormat<int, string>
    {
        public void WriteSample(BinaryWriter writer, int sample) => writer.Write(sample);
        public int ReadSample(BinaryReader reader) => reader.ReadInt32();
        public void WriteSnapshot(BinaryWriter writer, string snapshot) => writer.Write(snapshot);
        public string ReadSnapshot(BinaryReader reader) => reader.ReadString();
    }

    // A reservoir of 3 fills after a few frames, so later samples go through Algorithm R's random slot.
    private static readonly OnlineTrainingSettings Settings = new()
    {
        Online = true, Deterministic = true, EveryFrames = 2, ChannelCapacity = 8, ReservoirSize = 3, StartWatermark = 2,
        HeldOutEvery = 4, HeldOutSize = 2, StepsPerRound = 3, Seed = 9,
    };

    // Frame f offers two samples, then reaches its boundary; returns what the trainer shows afterwards.
    private static string Frame(OnlineTrainer<int, string> trainer, int frame)
    {
        trainer.Offer(10 * frame);
        trainer.Offer(10 * frame + 1);
        var adopted = trainer.AtFrameBoundary(frame);
        return $"{frame}: adopted {adopted ?? "-"} current {trainer.Current} previous {trainer.Previous ?? "-"} offered {trainer.Offered} " +
               $"rounds {trainer.Rounds} rejected {trainer.Rejected} adoptions {trainer.Adoptions} loss {trainer.LastLoss}";
    }

    [Fact]
    public void A_trainer_read_from_a_checkpoint_continues_exactly_as_the_uninterrupted_one()
    {
        const int frames = 16, checkpointAt = 7; // an odd frame: its two samples still wait in the channel
        var whole = new RecordingLearner();
        var wholeLog = new List<string>();
        using (var trainer = new OnlineTrainer<int, string>(whole, "v0:0", Settings))
            for (var frame = 1; frame <= frames; frame++) wholeLog.Add(Frame(trainer, frame));

        var first = new RecordingLearner();
        var resumedLog = new List<string>();
        var checkpoint = new MemoryStream();
        using (var trainer = new OnlineTrainer<int, string>(first, "v0:0", Settings))
        {
            for (var frame = 1; frame <= checkpointAt; frame++) resumedLog.Add(Frame(trainer, frame));
            trainer.WriteCheckpoint(new BinaryWriter(checkpoint), new Format());
        }
        var second = new RecordingLearner();
        using (var trainer = new OnlineTrainer<int, string>(second, "v0:0", Settings))
        {
            checkpoint.Position = 0;
            trainer.ReadCheckpoint(new BinaryReader(checkpoint), new Format());
            Assert.Equal(checkpoint.Length, checkpoint.Position);
            for (var frame = checkpointAt + 1; frame <= frames; frame++) resumedLog.Add(Frame(trainer, frame));
        }

        Assert.Equal(wholeLog, resumedLog);
        Assert.Equal(whole.Log, first.Log.Concat(second.Log));
        Assert.Contains(wholeLog.Skip(checkpointAt), line => !line.Contains("adopted -"));    // adoptions after the checkpoint
        Assert.Contains(wholeLog.Take(checkpointAt), line => !line.Contains("adopted -"));    // and before it
        Assert.Contains(wholeLog, line => !line.Contains("rejected 0"));
    }

    [Fact]
    public void Background_training_refuses_checkpoints_and_says_why()
    {
        using var trainer = new OnlineTrainer<int, string>(new RecordingLearner(), "v0:0", Settings with { Deterministic = false });
        Assert.Contains("a thread's timing decides which samples each round saw", trainer.CheckpointRefusal);
        var error = Assert.Throws<InvalidOperationException>(() => trainer.WriteCheckpoint(new BinaryWriter(new MemoryStream()), new Format()));
        Assert.Contains("cannot checkpoint background online training", error.Message);
    }

    [Fact]
    public void The_checkpointable_random_continues_its_sequence_after_a_write_and_read()
    {
        var original = new CheckpointableRandom(42);
        for (var n = 0; n < 5; n++) original.NextInt64(1000);
        var state = new MemoryStream();
        original.WriteCheckpoint(new BinaryWriter(state));
        state.Position = 0;
        var restored = new CheckpointableRandom(7);
        restored.ReadCheckpoint(new BinaryReader(state));

        for (var n = 0; n < 100; n++)
        {
            Assert.Equal(original.Next(), restored.Next());
            Assert.Equal(original.Next(13), restored.Next(13));
            Assert.Equal(original.NextInt64(-5, 5), restored.NextInt64(-5, 5));
            Assert.Equal(original.NextDouble(), restored.NextDouble());
        }
    }

    [Fact]
    public void The_checkpointable_random_draws_in_range_and_uniformly()
    {
        // 60 000 draws in [0, 6): each face's count is binomial, sd = sqrt(n p (1 - p)) ≈ 91; 5 sd is a bound a correct
        // generator breaks with probability ~1e-6 per face (and the fixed seed makes it one fixed outcome).
        var random = new CheckpointableRandom(3);
        var counts = new int[6];
        for (var n = 0; n < 60_000; n++) counts[random.Next(6)]++;
        Assert.All(counts, c => Assert.InRange(c, 10_000 - 5 * 91, 10_000 + 5 * 91));
        for (var n = 0; n < 1000; n++)
        {
            Assert.InRange(random.NextDouble(), 0.0, 0.9999999999999999);
            Assert.InRange(random.Next(-3, 4), -3, 3);
            Assert.InRange(random.NextInt64(long.MaxValue), 0, long.MaxValue - 1);
        }
        Assert.Equal(0, random.Next(0));
        Assert.NotEqual(new CheckpointableRandom(1).NextInt64(), new CheckpointableRandom(2).NextInt64());
    }
}
