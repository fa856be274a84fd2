namespace PhysML.Core.Ecs;

/// <summary>
/// Records structural changes (create, destroy, add, remove) made while a query iterates, and applies them in order
/// on <see cref="Playback"/>. <see cref="Create"/> returns a real handle at once (reserved in the world), so later
/// commands can refer to the new entity.
/// </summary>
public sealed class CommandBuffer
{
    private readonly World _world;
    private readonly List<Action<World>> _commands = new();

    public CommandBuffer(World world) => _world = world;

    public int Count => _commands.Count;

    public Entity Create()
    {
        var entity = _world.Reserve();
        _commands.Add(world => world.PlaceReserved(entity));
        return entity;
    }

    public void Destroy(Entity entity) => _commands.Add(world => world.Destroy(entity));

    public void Add<T>(Entity entity, T value) => _commands.Add(world => world.Add(entity, value));

    public void Remove<T>(Entity entity) => _commands.Add(world => world.Remove<T>(entity));

    /// <summary>Drops every recorded command unapplied: the half-finished changes of a system that threw and was
    /// disabled (see <see cref="Application.PluginFaultPolicy"/>) must not reach the world. Entities reserved by
    /// <see cref="Create"/> stay reserved and never appear.</summary>
    public void Discard() => _commands.Clear();

    /// <summary>Applies every recorded command in order, then clears the buffer.</summary>
    public void Playback()
    {
        if (_commands.Count == 0) return;
        // Copy first: a command may not record more commands into this buffer, but be safe if one does.
        var commands = _commands.ToArray();
        _commands.Clear();
        foreach (var command in commands) command(_world);
    }
}
