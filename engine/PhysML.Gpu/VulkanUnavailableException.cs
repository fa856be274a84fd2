using PhysML.Core.Errors;

namespace PhysML.Gpu;

/// <summary>
/// No usable Vulkan loader, driver (ICD) or device on this machine, or a required layer is missing.
/// This is an environment problem, not a bug: the message says what to install.
/// </summary>
public sealed class VulkanUnavailableException : PhysMLException
{
    /// <summary>The remedy every message ends with; lavapipe gives a CPU Vulkan device on any Linux machine.</summary>
    public const string Remedy = "install mesa-vulkan-drivers or a GPU driver; run scripts/bootstrap.sh";

    public VulkanUnavailableException(string message, Exception? innerException = null)
        : base(ErrorCodes.NoVulkanDevice, ErrorCategory.Internal, message, innerException)
    {
    }

    internal static VulkanUnavailableException NoDevice(string reason, Exception? innerException = null) =>
        new($"no Vulkan device: {Remedy}. ({reason})", innerException);
}
