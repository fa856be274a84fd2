namespace PhysML.Gpu;

/// <summary>Describes a <see cref="ComputeKernel"/>. Checked once, by <see cref="VulkanContext.CreateKernel"/>.</summary>
/// <param name="ShaderName">
/// The embedded SPIR-V's logical name, <c>shaders/&lt;subsystem&gt;/&lt;operator&gt;.comp.spv</c>, for example
/// <c>shaders/common/axpy.comp.spv</c> (build/Shaders.targets gives every shader such a name).
/// </param>
/// <param name="StorageBufferCount">Storage buffers the shader declares at set 0, bindings 0..N-1.</param>
/// <param name="PushConstantSize">Bytes of the shader's push_constant block; 0 when it has none; a multiple of 4.</param>
public readonly record struct ComputeKernelDescription(string ShaderName, int StorageBufferCount, int PushConstantSize)
{
    /// <summary>The assembly that embeds the SPIR-V; null for PhysML.Gpu's own shaders. Other engine projects (the
    /// renderer) list their shaders as Shader items too and name their assembly here.</summary>
    public System.Reflection.Assembly? ShaderAssembly { get; init; }

    internal void Validate(uint maxPushConstantsSize)
    {
        if (string.IsNullOrWhiteSpace(ShaderName))
        {
            throw Invalid(nameof(ShaderName), "must name an embedded shader such as shaders/common/axpy.comp.spv");
        }

        if (StorageBufferCount < 1)
        {
            throw Invalid(nameof(StorageBufferCount), $"must be at least 1 (was {StorageBufferCount})");
        }

        if (PushConstantSize < 0 || PushConstantSize % 4 != 0 || PushConstantSize > maxPushConstantsSize)
        {
            throw Invalid(nameof(PushConstantSize),
                $"must be a multiple of 4 between 0 and the device's maxPushConstantsSize of {maxPushConstantsSize} (was {PushConstantSize})");
        }
    }

    private static ArgumentException Invalid(string field, string rule) =>
        new($"{nameof(ComputeKernelDescription)}.{field} {rule}.", field);
}
