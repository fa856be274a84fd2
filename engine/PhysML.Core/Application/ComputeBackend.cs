using PhysML.Core.Checkpoints;

namespace PhysML.Core.Application;

/// <summary>
/// The compute backend a run asked for (<c>physml run --backend</c>) and the one its systems really used, as a
/// resource. A system that can run on the GPU reads <see cref="Requested"/> and, when it does, sets
/// <see cref="Used"/>; one that cannot, or finds no device, stays on the CPU and says why in <see cref="Diagnostics.RunWarnings"/>.
/// </summary>
[NoCheckpointState("the run's --backend, resolved by the systems at Startup")]
public sealed class ComputeBackend(string requested = ComputeBackend.Cpu)
{
    public const string Cpu = "cpu";
    public const string Vulkan = "vulkan";

    public string Requested { get; } = requested is Cpu or Vulkan
        ? requested
        : throw new ArgumentException($"backend must be {Cpu} or {Vulkan}, got '{requested}'", nameof(requested));

    public string Used { get; set; } = Cpu;
}
