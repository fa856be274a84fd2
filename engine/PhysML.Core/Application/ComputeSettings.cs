namespace PhysML.Core.Application;

/// <summary>
/// How much of the machine simulation systems may use, as a resource (the App sets the default). Systems that
/// parallelise loops pass <see cref="ParallelOptions"/> to <c>Parallel.For</c>; results must not depend on it
/// (loops split work so that each output is computed by exactly one thread in a fixed order).
/// </summary>
public readonly record struct ComputeSettings(int MaxThreads)
{
    public static ComputeSettings Default => new(Environment.ProcessorCount);

    public ParallelOptions ParallelOptions => new() { MaxDegreeOfParallelism = Math.Max(1, MaxThreads) };
}
