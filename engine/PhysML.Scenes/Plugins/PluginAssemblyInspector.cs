using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using PhysML.Core.Errors;

namespace PhysML.Scenes.Plugins;

/// <summary>
/// Reads a candidate plugin DLL's metadata without loading it (System.Reflection.Metadata), so a file that is not a
/// .NET assembly, does not use PhysML.Core or was built against an incompatible engine is refused before any of its
/// code runs.
/// </summary>
public static class PluginAssemblyInspector
{
    public const string CoreAssemblyName = "PhysML.Core";

    /// <summary>The PhysML.Core version the assembly at <paramref name="path"/> references; throws the coded error
    /// (PML0802, PML0803, PML0804, PML0805) when it cannot be a plugin for this engine.</summary>
    public static Version CheckCompatible(string path, Version engine)
    {
        var builtAgainst = ReferencedCoreVersion(path);
        if (!EngineCompatibility.IsCompatible(builtAgainst, engine))
            throw new PhysMLException(ErrorCodes.PluginIncompatible, ErrorCategory.BadInput,
                $"plugin {path} was built against PhysML.Core {builtAgainst}, and this engine is PhysML.Core {engine} " +
                $"(plugins built against {EngineCompatibility.Accepted(engine)} run on it); rebuild the plugin against this engine's PhysML.Core");
        return builtAgainst;
    }

    public static Version ReferencedCoreVersion(string path)
    {
        if (!File.Exists(path))
            throw new PhysMLException(ErrorCodes.PluginFileNotFound, ErrorCategory.BadInput,
                Directory.Exists(path) ? $"plugin {path} is a directory; give the plugin's .dll" : $"plugin {path} not found");
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata) throw NotAssembly(path, "it is a native (unmanaged) library, not a .NET assembly");
            var metadata = pe.GetMetadataReader();
            if (!metadata.IsAssembly) throw NotAssembly(path, "it is a .NET module, not an assembly");
            foreach (var handle in metadata.AssemblyReferences)
            {
                var reference = metadata.GetAssemblyReference(handle);
                if (metadata.GetString(reference.Name) == CoreAssemblyName) return reference.Version;
            }
            var own = metadata.GetString(metadata.GetAssemblyDefinition().Name);
            throw new PhysMLException(ErrorCodes.PluginAssemblyHasNoPlugin, ErrorCategory.BadInput,
                own == CoreAssemblyName
                    ? $"plugin {path} is PhysML.Core itself, not a plugin; give the plugin's own .dll"
                    : $"plugin {path} ({own}) does not reference PhysML.Core, so it has no IPlugin class; is it a dependency of a plugin rather than the plugin?");
        }
        catch (BadImageFormatException e)
        {
            throw NotAssembly(path, e.Message);
        }
    }

    private static PhysMLException NotAssembly(string path, string why) =>
        new(ErrorCodes.PluginNotAssembly, ErrorCategory.BadInput,
            $"plugin {path} is not a .NET assembly ({why}); give the .dll that `dotnet build` of the plugin project writes");
}
