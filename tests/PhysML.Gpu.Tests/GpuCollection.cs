namespace PhysML.Gpu.Tests;

/// <summary>
/// GPU tests run alone: lavapipe spreads each dispatch over every core, so running them beside other tests would
/// only make both slower on a 2-core CI machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GpuCollection
{
    public const string Name = "GPU (Vulkan on lavapipe in CI)";
}
