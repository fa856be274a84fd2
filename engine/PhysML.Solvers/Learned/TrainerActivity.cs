using System.Diagnostics;

namespace PhysML.Solvers.Learned;

/// <summary>
/// What online training spent its time on, cumulative milliseconds per phase, safe to read from any thread while the
/// trainer writes. Frame-time spikes are attributed by differencing it between frames (<c>physml bench training</c>,
/// the <c>train.*_ms</c> metrics): which phase ran during a slow frame, on which thread.
/// </summary>
public sealed class TrainerActivity
{
    /// <summary>The phases, in the order reports list them. Frame-thread phases: <c>offer</c> (copying a sample into the
    /// channel), <c>adopt</c> (swapping a candidate in at a frame boundary). Trainer-thread phases: <c>drain</c>
    /// (moving samples from the channel into the reservoir), <c>train</c> (optimiser steps), <c>validate</c>
    /// (scoring candidate and current model on held-out systems), <c>snapshot</c> (freezing a candidate),
    /// <c>prepare</c> (an adopted V-cycle's damping and levels, on a worker).</summary>
    public static readonly string[] Phases = ["offer", "adopt", "drain", "train", "validate", "snapshot", "prepare"];

    private readonly long[] _ticks = new long[Phases.Length];
    private readonly int[] _running = new int[Phases.Length];

    /// <summary>Runs <paramref name="work"/> and adds its wall time to <paramref name="phase"/>; while it runs the phase
    /// is in <see cref="Running"/> (a training step can outlast several frames, and only adds its time when it ends).</summary>
    public T Time<T>(string phase, Func<T> work)
    {
        var index = Index(phase);
        var start = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _running[index]);
        try { return work(); }
        finally
        {
            Interlocked.Decrement(ref _running[index]);
            Interlocked.Add(ref _ticks[index], Stopwatch.GetTimestamp() - start);
        }
    }

    /// <summary>The phases running now.</summary>
    public IReadOnlyList<string> Running() => Phases.Where((_, i) => Volatile.Read(ref _running[i]) > 0).ToArray();

    public void Time(string phase, Action work) => Time(phase, () => { work(); return 0; });

    /// <summary>Cumulative milliseconds per phase so far (a copy).</summary>
    public IReadOnlyDictionary<string, double> Milliseconds() =>
        Phases.Select((p, i) => (p, ms: Interlocked.Read(ref _ticks[i]) * 1000.0 / Stopwatch.Frequency)).ToDictionary(x => x.p, x => x.ms);

    /// <summary>Adds <paramref name="ticks"/> (<see cref="Stopwatch"/> ticks) to <paramref name="phase"/>.</summary>
    public void Add(string phase, long ticks) => Interlocked.Add(ref _ticks[Index(phase)], ticks);

    private static int Index(string phase)
    {
        var index = Array.IndexOf(Phases, phase);
        return index >= 0 ? index : throw new ArgumentException($"unknown trainer phase '{phase}'", nameof(phase));
    }
}
