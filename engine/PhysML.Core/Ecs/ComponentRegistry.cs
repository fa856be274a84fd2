using System.Reflection;

namespace PhysML.Core.Ecs;

/// <summary>
/// Dense ids for component types, per world (no static state, so two worlds never interfere).
/// Lookups happen once per archetype or query, never per entity.
/// </summary>
public sealed class ComponentRegistry
{
    private static readonly MethodInfo GenericRegister =
        typeof(ComponentRegistry).GetMethod(nameof(Register), 1, BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)!;

    private readonly Dictionary<Type, ComponentType> _byType = new();
    private readonly List<ComponentType> _byId = new();

    public int Count => _byId.Count;

    public ComponentType this[int id] => _byId[id];

    public ComponentType Register<T>()
    {
        if (_byType.TryGetValue(typeof(T), out var known)) return known;
        var created = ComponentType.Create<T>(_byId.Count);
        _byType.Add(typeof(T), created);
        _byId.Add(created);
        return created;
    }

    /// <summary>Registers a type only known at run time (scene loading); reflection runs once per type.</summary>
    public ComponentType Register(Type type)
    {
        if (_byType.TryGetValue(type, out var known)) return known;
        return (ComponentType)GenericRegister.MakeGenericMethod(type).Invoke(this, null)!;
    }

    public bool TryGet(Type type, out ComponentType componentType) => _byType.TryGetValue(type, out componentType!);
}
