namespace PhysML.Core.Application;

/// <summary>Settings of an App's clock.</summary>
public readonly record struct AppSettings
{
    public AppSettings() { }

    /// <summary>The fixed time step of FixedUpdate, in seconds of simulated time.</summary>
    public double FixedDelta { get; init; } = 1.0 / 60.0;

    /// <summary>
    /// At most this many fixed steps per real-time frame; beyond it the accumulator drops time rather than falling
    /// ever further behind (the "spiral of death" of fixed-step loops).
    /// </summary>
    public int MaxFixedStepsPerFrame { get; init; } = 8;
}
