using System.Reflection;
using System.Runtime.Loader;

namespace PhysML.Scenes.Plugins;

/// <summary>
/// The load context of one plugin assembly: collectible, and resolving the plugin's own dependencies from its
/// <c>.deps.json</c> (AssemblyDependencyResolver). Every assembly the host has (PhysML.*, Silk.NET, TorchSharp, the
/// framework) comes from the default context instead, whatever copy the plugin's folder holds: that is what makes the
/// plugin's <c>IPlugin</c>, components and resources the engine's own types.
/// </summary>
public sealed class PluginLoadContext : AssemblyLoadContext
{
    private static readonly HashSet<string> HostAssemblies = TrustedPlatformAssemblyNames();
    private readonly AssemblyDependencyResolver _resolver;

    public PluginLoadContext(string pluginPath) : base($"plugin:{Path.GetFileName(pluginPath)}", isCollectible: true)
    {
        _resolver = new AssemblyDependencyResolver(pluginPath);
        PluginPath = pluginPath;
    }

    public string PluginPath { get; }

    protected override Assembly? Load(AssemblyName name)
    {
        if (IsHostAssembly(name)) return null; // the default context's copy
        var path = _resolver.ResolveAssemblyToPath(name);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    private static bool IsHostAssembly(AssemblyName name) =>
        name.Name is { } simple && (HostAssemblies.Contains(simple) ||
                                    Default.Assemblies.Any(a => a.GetName().Name == simple));

    // The assemblies the host application was deployed with (its .deps.json and the shared framework).
    private static HashSet<string> TrustedPlatformAssemblyNames() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(Path.GetFileNameWithoutExtension)
        .OfType<string>()
        .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
