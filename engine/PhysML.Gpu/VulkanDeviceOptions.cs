namespace PhysML.Gpu;

/// <summary>How a <see cref="VulkanContext"/> is created. A value: copy it with <c>with</c> to change a setting.</summary>
/// <param name="EnableValidation">
/// Load VK_LAYER_KHRONOS_validation and collect its warnings and errors in <see cref="VulkanContext.ValidationMessages"/>.
/// Tests turn this on and fail on any message; it costs a lot of CPU time, so production runs leave it off.
/// </param>
/// <param name="PreferDiscrete">Pick a discrete GPU when there is one; otherwise integrated, virtual, then CPU (lavapipe).</param>
/// <param name="ApplicationName">Shown by tools such as RenderDoc and in driver logs.</param>
/// <param name="Presentation">
/// Opt-in presentation to a window: its instance extensions are enabled, its surface is created, the queue family must
/// also do graphics and present to that surface, and VK_KHR_swapchain is enabled on the device. Null (the default)
/// leaves a compute-only context exactly as before.
/// </param>
public readonly record struct VulkanDeviceOptions(
    bool EnableValidation = false,
    bool PreferDiscrete = true,
    string ApplicationName = "PhysML",
    Presentation.IPresentationSurface? Presentation = null)
{
    /// <summary>The settings tests use: validation on.</summary>
    public static VulkanDeviceOptions Validated => new(EnableValidation: true);
}
