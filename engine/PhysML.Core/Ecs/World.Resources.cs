using PhysML.Core.Errors;

namespace PhysML.Core.Ecs;

public sealed partial class World
{
    private readonly Dictionary<Type, object> _resources = new();

    /// <summary>Sets (or replaces) the singleton resource of type <typeparamref name="T"/>.</summary>
    public void SetResource<T>(T value)
    {
        if (_resources.TryGetValue(typeof(T), out var box)) ((ResourceBox<T>)box).Value = value;
        else _resources.Add(typeof(T), new ResourceBox<T>(value));
    }

    /// <summary>A reference to the resource, so struct resources can be changed in place.</summary>
    public ref T Resource<T>()
    {
        if (!_resources.TryGetValue(typeof(T), out var box))
            throw new PhysMLException(ErrorCodes.MissingResource, ErrorCategory.Internal,
                $"resource {typeof(T).Name} is not in the world; the plugin that owns it must be added (app.AddPlugin) " +
                $"or it must be set with world.SetResource");
        return ref ((ResourceBox<T>)box).Value;
    }

    public bool HasResource<T>() => _resources.ContainsKey(typeof(T));

    public bool TryGetResource<T>(out T value)
    {
        if (_resources.TryGetValue(typeof(T), out var box))
        {
            value = ((ResourceBox<T>)box).Value;
            return true;
        }
        value = default!;
        return false;
    }

    public bool RemoveResource<T>() => _resources.Remove(typeof(T));

    private sealed class ResourceBox<T>(T value)
    {
        public T Value = value;
    }
}
