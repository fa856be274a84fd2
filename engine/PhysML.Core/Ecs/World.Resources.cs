using PhysML.Core.Errors;

namespace PhysML.Core.Ecs;

public sealed partial class World
{
    private readonly Dictionary<Type, object> _resources = new();
    // Insertion order, so disposal can run in reverse: a resource set later may use one set earlier.
    private readonly List<Type> _resourceOrder = new();

    /// <summary>Sets (or replaces) the singleton resource of type <typeparamref name="T"/>.</summary>
    public void SetResource<T>(T value)
    {
        if (_resources.TryGetValue(typeof(T), out var box)) ((ResourceBox<T>)box).Value = value;
        else
        {
            _resources.Add(typeof(T), new ResourceBox<T>(value));
            _resourceOrder.Add(typeof(T));
        }
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

    public bool RemoveResource<T>()
    {
        _resourceOrder.Remove(typeof(T));
        return _resources.Remove(typeof(T));
    }

    /// <summary>Disposes every resource that is <see cref="IDisposable"/> (a GPU device, say), newest first, and
    /// removes them. Called by <see cref="Application.App.Dispose"/>.</summary>
    public void DisposeResources()
    {
        for (var i = _resourceOrder.Count - 1; i >= 0; i--)
        {
            var type = _resourceOrder[i];
            if (_resources[type] is IResourceBox { Boxed: IDisposable disposable })
            {
                disposable.Dispose();
                _resources.Remove(type);
                _resourceOrder.RemoveAt(i);
            }
        }
    }

    private interface IResourceBox
    {
        object? Boxed { get; }

        void SetBoxed(object? value);
    }

    private sealed class ResourceBox<T>(T value) : IResourceBox
    {
        public T Value = value;

        public object? Boxed => Value;

        public void SetBoxed(object? value) => Value = (T)value!;
    }
}
