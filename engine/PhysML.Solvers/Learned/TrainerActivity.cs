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

    /// <summary>Runs <paramref name="work"/> and adds its wall time to <paramref name="phase"/>.</summary>
    public T Time<T>(string phase, Func<T> work)
    {
        var start = Stopwatch.GetTimestamp();
        try { return work(); }
        finally { Add(phase, Stopwatch.GetTimestamp() - start); }
    }

    public void Time(string phase, Action work) => Time(phase, () => { work(); return 0; });

    /// <summary>Cumulative milliseconds per phase so far (a copy).</summary>
    public IReadOnlyDictionary<string, double> Milliseconds() =>
        Phases.Select((p, i) => (p, ms: Interlocked.Read(ref _ticks[i]) * 1000.0 / Stopwatch.Frequency)).ToDictionary(x => x.p, x => x.ms);

    /// <summary>Adds <paramref name="ticks"/> (<see cref="Stopwatch"/> ticks) to <paramref name="phase"/>.</summary>
    public void Add(string phase, long ticks)
    {
        var index = Array.IndexOf(Phases, phase);
        if (index < 0) throw new ArgumentException($"unknown trainer phase '{phase}'", nameof(phase));
        Interlocked.Add(ref _ticks[index], ticks);
    }
}
