namespace PhysML.Core.Application;

/// <summary>The run's random seed, as a resource: every plugin that draws random numbers seeds from it, so a scene,
/// seed and backend give the same run every time.</summary>
public readonly record struct RandomSeed(int Value);
