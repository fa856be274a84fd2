using System.Reflection;

namespace PhysML.Gpu;

/// <summary>Reads SPIR-V that build/Shaders.targets compiled and embedded in this assembly.</summary>
internal static class ShaderLibrary
{
    private static readonly Assembly GpuAssembly = typeof(ShaderLibrary).Assembly;

    /// <summary>The SPIR-V words of <paramref name="name"/>, e.g. <c>shaders/common/axpy.comp.spv</c>, embedded in
    /// <paramref name="assembly"/> (PhysML.Gpu when null).</summary>
    /// <remarks>Returned as uint[] because vkCreateShaderModule needs 4-byte-aligned code.</remarks>
    public static uint[] Load(string name, Assembly? assembly = null)
    {
        Assembly source = assembly ?? GpuAssembly;
        using Stream? stream = source.GetManifestResourceStream(name);
        if (stream is null)
        {
            string available = string.Join(", ", source.GetManifestResourceNames().Where(n => n.EndsWith(".spv", StringComparison.Ordinal)));
            throw new ArgumentException(
                $"No embedded shader '{name}' in {source.GetName().Name}. Embedded: [{available}]. "
                + "Add the .comp file under shaders/ and list it as a Shader item in the csproj.",
                nameof(ComputeKernelDescription.ShaderName));
        }

        if (stream.Length == 0 || stream.Length % 4 != 0)
        {
            throw new InvalidDataException($"Embedded shader '{name}' is {stream.Length} bytes, not whole SPIR-V words.");
        }

        var words = new uint[stream.Length / 4];
        stream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(words.AsSpan()));
        return words;
    }
}
