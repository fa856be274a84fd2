namespace PhysML.Core.Application;

/// <summary>The names scene files use for component types, and which plugin registered each.</summary>
public sealed class ComponentNames
{
    private readonly SortedDictionary<string, (Type Type, string? Plugin)> _byName = new(StringComparer.Ordinal);

    public void Register(string name, Type type, string? plugin)
    {
        if (_byName.TryGetValue(name, out var existing) && existing.Type != type)
            throw new InvalidOperationException(
                $"component name '{name}' is registered for both {existing.Type.FullName} and {type.FullName}");
        _byName[name] = (type, plugin);
    }

    public bool TryGet(string name, out Type type)
    {
        var found = _byName.TryGetValue(name, out var entry);
        type = entry.Type;
        return found;
    }

    /// <summary>All registered names, sorted (used in "unknown component" errors).</summary>
    public IReadOnlyCollection<string> Names => _byName.Keys;
}
