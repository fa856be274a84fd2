namespace PhysML.Platform.Tests;

/// <summary>
/// Vulkan and GLFW tests run in this collection, alone, after the parallel tests.
/// </summary>
/// <remarks>
/// Why serial: <see cref="XvfbDisplay"/> calls setenv("DISPLAY"), and setenv is not safe while another thread reads
/// the environment; the Vulkan loader and native libraries call getenv all the time. Running alone also keeps
/// lavapipe's CPU threads from competing with the TorchSharp tests on a 2-core CI machine.
/// </remarks>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NativePlatformCollection
{
    public const string Name = "Native platform (Vulkan, GLFW)";
}
