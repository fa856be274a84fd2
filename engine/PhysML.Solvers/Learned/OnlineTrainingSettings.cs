namespace PhysML.Solvers.Learned;

/// <summary>
/// How a model trains in the loop while a scene runs (the online trainer in PhysML.ML): a scene's
/// <c>fluidDomain.pressureTraining</c>, and the surrogate models' training later. Samples arrive through a bounded
/// channel that drops when full, so a frame never waits; training starts once the reservoir holds
/// <see cref="StartWatermark"/> samples.
/// </summary>
public sealed record OnlineTrainingSettings
{
    /// <summary>Train while the scene runs. Off by default: a model is only used.</summary>
    public bool Online { get; init; }

    /// <summary>Train synchronously at every <see cref="EveryFrames"/>-th frame boundary instead of on the background
    /// thread: reproducible (fixed seed, no timing dependence), for tests and scripted runs.</summary>
    public bool Deterministic { get; init; }

    public int EveryFrames { get; init; } = 10;

    /// <summary>Samples the channel buffers before it drops new ones.</summary>
    public int ChannelCapacity { get; init; } = 32;

    /// <summary>Samples kept for training (reservoir sampling keeps a uniform sample of everything offered).</summary>
    public int ReservoirSize { get; init; } = 64;

    public int StartWatermark { get; init; } = 8;

    /// <summary>Every this-many-th sample is held out for validating candidates instead of trained on.</summary>
    public int HeldOutEvery { get; init; } = 5;

    public int HeldOutSize { get; init; } = 6;

    /// <summary>Optimiser steps per training round.</summary>
    public int StepsPerRound { get; init; } = 10;

    public double LearningRate { get; init; } = 1e-3;

    /// <summary>The share of wall time the background thread may train (it sleeps in proportion after each step), so a
    /// scene on a small machine keeps most of its cores. 1 = train flat out. Ignored in deterministic mode.</summary>
    public double DutyCycle { get; init; } = 0.5;

    public int Seed { get; init; }

    /// <summary>The problems of these settings, as (field, message), for scene validation.</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        if (EveryFrames < 1) yield return ("everyFrames", "must be >= 1");
        if (ChannelCapacity < 1) yield return ("channelCapacity", "must be >= 1");
        if (ReservoirSize < 1) yield return ("reservoirSize", "must be >= 1");
        if (StartWatermark < 1 || StartWatermark > ReservoirSize) yield return ("startWatermark", "must be in [1, reservoirSize]");
        if (HeldOutEvery < 2) yield return ("heldOutEvery", "must be >= 2");
        if (HeldOutSize < 1) yield return ("heldOutSize", "must be >= 1");
        if (StepsPerRound < 1) yield return ("stepsPerRound", "must be >= 1");
        if (!(LearningRate > 0 && double.IsFinite(LearningRate))) yield return ("learningRate", "must be positive and finite");
        if (!(DutyCycle > 0 && DutyCycle <= 1)) yield return ("dutyCycle", "must be in (0, 1]");
    }
}
