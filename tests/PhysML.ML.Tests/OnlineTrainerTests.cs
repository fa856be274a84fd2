using PhysML.ML.Training;
using PhysML.Solvers.Learned;

namespace PhysML.ML.Tests;

public class OnlineTrainerTests
{
    /// <summary>A learner whose "model" is a number: training adds the step count; the score is set by the test.</summary>
    private sealed class CountingLearner : IOnlineLearner<int, string>
    {
        public int Value;
        public Func<string, double> Scorer = _ => 0;
        public List<int> LastSamples = new();
        public double Train(IReadOnlyList<int> samples, int steps, Random random)
        {
            LastSamples = samples.ToList();
            Value += steps;
            return 1.0 / Value;
        }
        public string Snapshot(int version) => $"v{version}:{Value}";
        public double Score(string snapshot, IReadOnlyList<int> heldOut) => Scorer(snapshot);
        public void Dispose() { }
    }

    private static readonly OnlineTrainingSettings Deterministic = new()
    {
        Online = true, Deterministic = true, EveryFrames = 2, ChannelCapacity = 4, ReservoirSize = 3, StartWatermark = 2,
        HeldOutEvery = 4, HeldOutSize = 2, StepsPerRound = 5, Seed = 1,
    };

    [Fact]
    public void Offers_never_block_and_are_dropped_when_the_channel_is_full()
    {
        using var trainer = new OnlineTrainer<int, string>(new CountingLearner(), "v0", Deterministic);
        var accepted = Enumerable.Range(0, 10).Count(trainer.Offer);
        Assert.Equal(4, accepted);
        Assert.Equal(10, trainer.Offered);
        Assert.Equal(6, trainer.Dropped);
    }

    [Fact]
    public void Draining_frees_the_queue_for_new_offers()
    {
        using var trainer = new OnlineTrainer<int, string>(new CountingLearner(), "v0", Deterministic);
        Assert.Equal(4, Enumerable.Range(0, 6).Count(trainer.Offer));
        trainer.AtFrameBoundary(2); // deterministic: drains the queue into the reservoir and trains a round
        Assert.Equal(4, Enumerable.Range(0, 6).Count(trainer.Offer));
        Assert.Equal(4, trainer.Dropped);
        Assert.Equal(1, trainer.Rounds);
    }

    [Fact]
    public void The_trainer_records_its_phases()
    {
        using var trainer = new OnlineTrainer<int, string>(new CountingLearner(), "v0", Deterministic);
        for (var i = 0; i < 4; i++) trainer.Offer(i);
        trainer.AtFrameBoundary(2);
        Assert.Empty(trainer.Activity.Running());
        Assert.All(new[] { "train", "snapshot", "validate" }, phase => Assert.True(trainer.Activity.Milliseconds()[phase] > 0, phase));
    }

    [Fact]
    public void A_model_is_adopted_only_at_a_frame_boundary_and_only_after_the_watermark()
    {
        var learner = new CountingLearner();
        using var trainer = new OnlineTrainer<int, string>(learner, "v0", Deterministic);
        trainer.Offer(1);
        Assert.Null(trainer.AtFrameBoundary(2)); // one sample: below the watermark
        trainer.Offer(2);
        Assert.Null(trainer.AtFrameBoundary(3)); // not a training frame
        Assert.Null(trainer.AtFrameBoundary(4)); // trained, but nothing held out to validate with: not published
        Assert.Equal(1, trainer.Rejected);
        trainer.Offer(3);
        trainer.Offer(4); // the 4th sample is held out
        Assert.Equal("v1:10", trainer.AtFrameBoundary(6));
        Assert.Equal("v1:10", trainer.Current);
        Assert.Equal("v0", trainer.Previous);
        Assert.Equal(2, trainer.Rounds);
        // A round trains step by step (the duty cycle sleeps between steps): its loss is the mean of its steps'.
        Assert.Equal(Enumerable.Range(6, 5).Average(k => 1.0 / k), trainer.LastLoss!.Value, 12);
        Assert.Equal("v0", trainer.Rollback());
        Assert.Equal("v0", trainer.Current);
    }

    [Fact]
    public void A_candidate_that_validates_worse_is_rejected()
    {
        // Held-out samples exist from the 4th offer on; the candidate scores worse than the current model.
        var learner = new CountingLearner { Scorer = s => s == "v0" ? 1 : 2 };
        using var trainer = new OnlineTrainer<int, string>(learner, "v0", Deterministic);
        for (var i = 0; i < 4; i++) trainer.Offer(i);
        Assert.Null(trainer.AtFrameBoundary(2));
        Assert.Equal(1, trainer.Rounds);
        Assert.Equal(1, trainer.Rejected);
        Assert.Equal("v0", trainer.Current);
    }

    [Fact]
    public void The_reservoir_keeps_a_bounded_seeded_sample()
    {
        var learner = new CountingLearner();
        var settings = Deterministic with { ChannelCapacity = 100, HeldOutEvery = 1000 };
        List<int> Run()
        {
            var l = new CountingLearner();
            using var t = new OnlineTrainer<int, string>(l, "v0", settings);
            for (var i = 0; i < 50; i++) t.Offer(i);
            t.AtFrameBoundary(2);
            return l.LastSamples;
        }
        var first = Run();
        Assert.Equal(3, first.Count);
        Assert.Equal(first, Run()); // same seed, same reservoir
    }

    [Fact]
    public void The_background_thread_trains_and_publishes_without_the_frame_waiting()
    {
        var learner = new CountingLearner();
        using var trainer = new OnlineTrainer<int, string>(learner, "v0", Deterministic with { Deterministic = false, HeldOutEvery = 3 });
        for (var i = 0; i < 3; i++) trainer.Offer(i);
        string? adopted = null;
        // The frame boundary only looks for a published candidate; poll a few frames as a scene would.
        for (var frame = 1; frame < 500 && adopted is null; frame++)
        {
            adopted = trainer.AtFrameBoundary(frame);
            if (adopted is null) Thread.Sleep(10);
        }
        Assert.NotNull(adopted);
        Assert.StartsWith("v1:", adopted);
    }
}
