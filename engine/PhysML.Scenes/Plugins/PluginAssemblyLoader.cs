using System.Reflection;
using PhysML.Core.Application;
using PhysML.Core.Errors;
using PhysML.Scenes.Loading;

namespace PhysML.Scenes.Plugins;

/// <summary>
/// Loads plugin DLLs into a <see cref="PluginCatalog"/>: each is inspected (a .NET assembly, referencing a compatible
/// PhysML.Core) before it is loaded into its own <see cref="PluginLoadContext"/>, then its public <see cref="IPlugin"/>
/// classes are registered under their names. Every problem is a coded error naming the DLL, raised before a scene runs.
/// </summary>
public static class PluginAssemblyLoader
{
    /// <summary>Adds the plugins of every DLL of <paramref name="sources"/> to <paramref name="catalog"/>.</summary>
    public static void AddTo(PluginCatalog catalog, PluginSources sources)
    {
        catalog.SearchedLocations = sources.Describe();
        foreach (var path in sources.Assemblies()) AddAssembly(catalog, path);
    }

    public static void AddAssembly(PluginCatalog catalog, string path)
    {
        path = Path.GetFullPath(path);
        PluginAssemblyInspector.CheckCompatible(path, EngineCompatibility.EngineVersion);
        var assembly = Load(path);
        var found = PluginTypes(assembly, path);
        if (found.Count == 0)
            throw new PhysMLException(ErrorCodes.PluginAssemblyHasNoPlugin, ErrorCategory.BadInput,
                $"plugin {path} ({assembly.GetName().Name}) has no public, non-abstract IPlugin class with a parameterless constructor");
        foreach (var type in found) catalog.Register(type, path);
    }

    private static Assembly Load(string path)
    {
        try
        {
            return new PluginLoadContext(path).LoadFromAssemblyPath(path);
        }
        catch (Exception e) when (e is FileLoadException or BadImageFormatException or FileNotFoundException)
        {
            throw new PhysMLException(ErrorCodes.PluginLoadFailed, ErrorCategory.BadInput,
                $"plugin {path} could not be loaded: {e.GetType().Name}: {e.Message}", e);
        }
    }

    private static List<Type> PluginTypes(Assembly assembly, string path)
    {
        try
        {
            return assembly.GetExportedTypes()
                .Where(t => typeof(IPlugin).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
                .ToList();
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or FileNotFoundException or FileLoadException or TypeLoadException)
        {
            var detail = e is ReflectionTypeLoadException r && r.LoaderExceptions.FirstOrDefault(x => x is not null) is { } first ? first.Message : e.Message;
            throw new PhysMLException(ErrorCodes.PluginLoadFailed, ErrorCategory.BadInput,
                $"plugin {path}: its types could not be loaded ({detail}); is a dependency missing from its folder or its .deps.json?", e);
        }
    }
}
