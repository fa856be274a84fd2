namespace PhysML.Fluids;

/// <summary>Where a fluid domain's pressure solve runs.</summary>
public enum PressureBackend
{
    /// <summary>As the run asks (<c>physml run --backend</c>, CPU by default).</summary>
    Auto,
    Cpu,
    /// <summary>Vulkan compute, or the CPU with a warning when no Vulkan device is available.</summary>
    Vulkan,
}
