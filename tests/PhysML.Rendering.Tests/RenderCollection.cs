namespace PhysML.Rendering.Tests;

/// <summary>Render tests run alone: lavapipe spreads each dispatch over every core (as in PhysML.Gpu.Tests).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RenderCollection
{
    public const string Name = "Rendering (Vulkan on lavapipe in CI)";
}
