namespace PhysML.Viewer.Tests;

/// <summary>Window tests run alone: GLFW is process-global and XvfbDisplay calls setenv (see PhysML.Platform.Tests).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WindowCollection : ICollectionFixture<PhysML.Platform.Tests.XvfbDisplay>
{
    public const string Name = "Viewer window (GLFW, Vulkan swapchain)";
}
