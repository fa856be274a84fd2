using System.Reflection;
using PhysML.Core.Application;
using PhysML.Core.Errors;

namespace PhysML.Scenes.Loading;

/// <summary>The plugins a scene can name: public IPlugin classes with a parameterless constructor, keyed by their
/// <see cref="IPlugin.Name"/>, from the built-in assemblies and from plugin DLLs
/// (<see cref="Plugins.PluginAssemblyLoader"/>). Each name is provided once: two providers are PML0806.</summary>
public sealed class PluginCatalog
{
    public const string BuiltIn = "built-in";

    private readonly SortedDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(Func<IPlugin> Factory, string Origin, Type? Type)
    {
        public bool IsExternal => Origin != BuiltIn;
    }

    public static PluginCatalog FromAssemblies(params Assembly[] assemblies)
    {
        var catalog = new PluginCatalog();
        foreach (var type in assemblies.SelectMany(a => a.GetExportedTypes()))
        {
            if (!typeof(IPlugin).IsAssignableFrom(type) || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
                continue;
            catalog.Register(type, BuiltIn);
        }
        return catalog;
    }

    /// <summary>Registers a plugin class found in <paramref name="origin"/> (<see cref="BuiltIn"/> or a DLL path).</summary>
    public void Register(Type type, string origin)
    {
        IPlugin Create() => (IPlugin)Activator.CreateInstance(type)!;
        string name;
        try
        {
            name = Create().Name;
        }
        catch (TargetInvocationException e) when (origin != BuiltIn)
        {
            throw new PhysMLException(ErrorCodes.PluginLoadFailed, ErrorCategory.BadInput,
                $"plugin {origin}: the constructor of {type.FullName} threw {e.InnerException?.GetType().Name}: {e.InnerException?.Message}", e);
        }
        Add(name, new Entry(Create, origin, type));
    }

    public void Register(string name, Func<IPlugin> factory, string origin = BuiltIn) => Add(name, new Entry(factory, origin, null));

    private void Add(string name, Entry entry)
    {
        if (_entries.TryGetValue(name, out var existing))
        {
            if (existing.Type is not null && existing.Type == entry.Type) return; // the same class found twice
            throw new PhysMLException(ErrorCodes.PluginNameConflict, ErrorCategory.BadInput,
                $"two plugins are named '{name}': {Describe(existing)} and {Describe(entry)}; plugin names must be unique " +
                "(rename one, or remove the duplicate DLL)");
        }
        _entries.Add(name, entry);
    }

    private static string Describe(Entry entry) =>
        (entry.Type?.FullName ?? "a registered factory") + (entry.IsExternal ? $" in {entry.Origin}" : " (built in)");

    public IReadOnlyCollection<string> Names => _entries.Keys;

    /// <summary>The places plugin DLLs were looked for, in words (the hint of PML0104); null when none were.</summary>
    public string? SearchedLocations { get; set; }

    /// <summary><see cref="BuiltIn"/> or the path of the DLL the plugin came from.</summary>
    public string OriginOf(string name) => _entries[name].Origin;

    /// <summary>True for a plugin loaded from a DLL rather than shipped with PhysML.</summary>
    public bool IsExternal(string name) => _entries.TryGetValue(name, out var entry) && entry.IsExternal;

    public bool TryCreate(string name, out IPlugin plugin)
    {
        plugin = null!;
        if (!_entries.TryGetValue(name, out var entry)) return false;
        plugin = entry.Factory();
        return true;
    }
}
