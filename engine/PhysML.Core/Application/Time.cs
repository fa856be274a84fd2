namespace PhysML.Core.Application;

/// <summary>The clock, as a resource: read it with <c>world.Resource&lt;Time&gt;()</c>. Only the App writes it.</summary>
public readonly record struct Time
{
    /// <summary>Seconds of simulated time per fixed step.</summary>
    public double FixedDelta { get; init; }

    /// <summary>Fixed steps run so far.</summary>
    public long FixedStep { get; init; }

    /// <summary>Simulated time in seconds: <see cref="FixedStep"/> × <see cref="FixedDelta"/>.</summary>
    public double Elapsed => FixedStep * FixedDelta;

    /// <summary>Frames run so far (a frame runs every stage but Startup once).</summary>
    public long Frame { get; init; }
}
