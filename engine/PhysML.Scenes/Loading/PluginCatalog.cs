using System.Reflection;
using PhysML.Core.Application;

namespace PhysML.Scenes.Loading;

/// <summary>The plugins a scene can name, found in the given assemblies: public IPlugin classes with a parameterless
/// constructor, keyed by their <see cref="IPlugin.Name"/>.</summary>
public sealed class PluginCatalog
{
    private readonly SortedDictionary<string, Func<IPlugin>> _factories = new(StringComparer.Ordinal);

    public static PluginCatalog FromAssemblies(params Assembly[] assemblies)
    {
        var catalog = new PluginCatalog();
        foreach (var type in assemblies.SelectMany(a => a.GetExportedTypes()))
        {
            if (!typeof(IPlugin).IsAssignableFrom(type) || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
                continue;
            var prototype = (IPlugin)Activator.CreateInstance(type)!;
            catalog.Register(prototype.Name, () => (IPlugin)Activator.CreateInstance(type)!);
        }
        return catalog;
    }

    public void Register(string name, Func<IPlugin> factory)
    {
        if (!_factories.TryAdd(name, factory))
            throw new InvalidOperationException($"two plugins are named '{name}'");
    }

    public IReadOnlyCollection<string> Names => _factories.Keys;

    public bool TryCreate(string name, out IPlugin plugin)
    {
        plugin = null!;
        if (!_factories.TryGetValue(name, out var factory)) return false;
        plugin = factory();
        return true;
    }
}
