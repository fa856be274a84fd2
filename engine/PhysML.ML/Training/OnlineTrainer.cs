using System.Collections.Concurrent;
using PhysML.Solvers.Learned;

namespace PhysML.ML.Training;

/// <summary>
/// Trains a model in the loop, for any model in the engine. The simulation <see cref="Offer"/>s samples through a
/// bounded lock-free queue that drops when full, so it never blocks a frame (a lock shared with the trainer thread,
/// which runs at the lowest OS priority, let a descheduled trainer stall a frame by 0.3 s: priority inversion).
/// A dedicated thread (or, in deterministic mode, the frame boundary itself) moves them into a reservoir (Vitter's algorithm R, seeded) and a held-out set, trains a round
/// once the reservoir reaches its watermark, and validates the resulting candidate against the current model on the
/// held-out samples: only a candidate that is not worse is published (no held-out samples yet: nothing is). The engine adopts a published candidate at a
/// frame boundary (<see cref="AtFrameBoundary"/>), keeping the previous one for <see cref="Rollback"/>.
/// Deterministic mode can be checkpointed (OnlineTrainer.Checkpoint.cs).
/// </summary>
public sealed partial class OnlineTrainer<TSample, TSnapshot> : IDisposable where TSnapshot : class
{
    private readonly IOnlineLearner<TSample, TSnapshot> _learner;
    private readonly OnlineTrainingSettings _settings;
    private readonly ConcurrentQueue<TSample> _queue = new();
    private int _queued;
    private readonly List<TSample> _reservoir = new();
    private readonly List<TSample> _heldOut = new();
    private readonly CheckpointableRandom _random;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread? _thread;
    private TSnapshot? _pending;
    private long _received;
    private long _sinceRound;
    private long _dropped;
    private Exception? _failure;

    // How long the idle trainer sleeps before looking for new samples again: a frame is ~100 ms.
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(20);

    public OnlineTrainer(IOnlineLearner<TSample, TSnapshot> learner, TSnapshot initial, OnlineTrainingSettings settings)
    {
        if (settings.Problems().FirstOrDefault() is { Field: not null } problem)
            throw new ArgumentException($"online training: {problem.Field} {problem.Message}", nameof(settings));
        _learner = learner;
        _settings = settings;
        Current = initial;
        _random = new CheckpointableRandom(settings.Seed);
        if (!settings.Deterministic)
        {
            _thread = new Thread(Loop) { IsBackground = true, Name = "physml-online-trainer", Priority = ThreadPriority.Lowest };
            _thread.Start();
        }
    }

    /// <summary>The model in use.</summary>
    public TSnapshot Current { get; private set; }

    /// <summary>The model before the last adoption, for rollback.</summary>
    public TSnapshot? Previous { get; private set; }

    /// <summary>Versions adopted so far (the initial model is 0 adoptions).</summary>
    public int Adoptions { get; private set; }

    public long Offered { get; private set; }

    public long Dropped => Interlocked.Read(ref _dropped);

    public int Rounds { get; private set; }

    /// <summary>Candidates that validated worse than the model in use and were discarded.</summary>
    public int Rejected { get; private set; }

    public double? LastLoss { get; private set; }

    /// <summary>Where the trainer's time goes, per phase (drain, training steps, snapshot, validation).</summary>
    public TrainerActivity Activity { get; } = new();

    /// <summary>Offers a sample; never blocks. False when the channel was full and the sample was dropped.</summary>
    public bool Offer(TSample sample)
    {
        Offered++;
        // Reserve a slot first, so the queue never holds more than the capacity; both operations are lock-free.
        if (Interlocked.Increment(ref _queued) > _settings.ChannelCapacity)
        {
            Interlocked.Decrement(ref _queued);
            Interlocked.Increment(ref _dropped);
            return false;
        }
        _queue.Enqueue(sample);
        return true;
    }

    /// <summary>
    /// Called between frames. Deterministic mode trains a round here every <see cref="OnlineTrainingSettings.EveryFrames"/>
    /// frames; either way a validated candidate is adopted here and returned (null when the model is unchanged).
    /// A failure on the training thread surfaces here, on the engine's thread.
    /// </summary>
    public TSnapshot? AtFrameBoundary(int frame)
    {
        if (_failure is { } failure) throw new InvalidOperationException("online training failed", failure);
        if (_settings.Deterministic && frame > 0 && frame % _settings.EveryFrames == 0)
        {
            Drain();
            if (_reservoir.Count >= _settings.StartWatermark && _sinceRound > 0) Round();
        }
        var candidate = Interlocked.Exchange(ref _pending, null);
        if (candidate is null) return null;
        (Previous, Current) = (Current, candidate);
        Adoptions++;
        return candidate;
    }

    /// <summary>Goes back to the previous model (after a regression seen in the scene); returns it, or null if none.</summary>
    public TSnapshot? Rollback()
    {
        if (Previous is null) return null;
        (Current, Previous) = (Previous, null);
        return Current;
    }

    private void Loop()
    {
        // Lowest OS priority (nice 19 on Linux, where Thread.Priority alone does nothing): the scheduler then gives the
        // simulation's own threads the cores whenever they want them, so a round never stretches a frame.
        TrainerThreadPriority.LowerCurrentThread();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                Activity.Time("drain", Drain);
                // A round per batch of new samples, not a busy loop over the same reservoir.
                if (_reservoir.Count >= _settings.StartWatermark && _sinceRound > 0) Round();
                else _stop.Token.WaitHandle.WaitOne(IdlePoll); // polled, so the frame thread never signals (or waits on) this thread
            }
        }
        catch (OperationCanceledException) { }
        catch (Exception e)
        {
            _failure = e;
        }
    }

    private void Drain()
    {
        while (_queue.TryDequeue(out var sample))
        {
            Interlocked.Decrement(ref _queued);
            _received++;
            _sinceRound++;
            if (_received % _settings.HeldOutEvery == 0)
            {
                if (_heldOut.Count >= _settings.HeldOutSize) _heldOut.RemoveAt(0); // keep the newest
                _heldOut.Add(sample);
            }
            else if (_reservoir.Count < _settings.ReservoirSize) _reservoir.Add(sample);
            else
            {
                // Algorithm R: the k-th sample replaces a random slot with probability size/k.
                var slot = _random.NextInt64(_received);
                if (slot < _settings.ReservoirSize) _reservoir[(int)slot] = sample;
            }
        }
    }

    private void Round()
    {
        _sinceRound = 0;
        LastLoss = TrainRound();
        Rounds++;
        // Without held-out samples a candidate cannot be validated, so it is not published (training goes on). A
        // non-finite score (a diverged candidate) compares false and is rejected too.
        if (_heldOut.Count == 0 || !double.IsFinite(LastLoss.Value)) { Rejected++; return; }
        var candidate = Activity.Time("snapshot", () => _learner.Snapshot(Adoptions + 1));
        var better = Paced("validate", () => _learner.Score(candidate, _heldOut) <= _learner.Score(Current, _heldOut));
        if (better) Interlocked.Exchange(ref _pending, candidate);
        else Rejected++;
    }

    // One step at a time so the background thread can keep to its duty cycle: after a step of t seconds it sleeps
    // t·(1 − d)/d, which caps its share of one core at d without changing what it computes. Validation is paced alike.
    private double TrainRound()
    {
        var total = 0.0;
        for (var step = 0; step < _settings.StepsPerRound && !_stop.IsCancellationRequested; step++)
            total += Paced("train", () => _learner.Train(_reservoir, 1, _random));
        return total / _settings.StepsPerRound;
    }

    // Runs work, then (on the background thread) sleeps so that work takes at most the duty cycle's share of the time.
    private T Paced<T>(string phase, Func<T> work)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = Activity.Time(phase, work);
        if (_thread is not null && _settings.DutyCycle < 1)
        {
            var busy = System.Diagnostics.Stopwatch.GetElapsedTime(start);
            _stop.Token.WaitHandle.WaitOne(busy * ((1 - _settings.DutyCycle) / _settings.DutyCycle));
        }
        return result;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread?.Join();
        _learner.Dispose();
    }
}
