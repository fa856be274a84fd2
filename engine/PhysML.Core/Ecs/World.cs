using PhysML.Core.Errors;

namespace PhysML.Core.Ecs;

/// <summary>
/// The ECS world: entities, their components in archetype chunks, resources and events.
/// <para>
/// Thread safety: a world is not thread-safe. One thread (the one calling <c>App.Update</c>) creates, destroys and
/// changes entities. Structural changes (create with components, destroy, add, remove) are refused while a query is
/// iterating; record them in a <see cref="CommandBuffer"/> and play it back afterwards. Writing component values
/// through a query's <c>ref</c> parameters is allowed and is the fast path.
/// </para>
/// </summary>
public sealed partial class World
{
    private EntityRecord[] _records = new EntityRecord[256];
    private readonly Stack<int> _freeIds = new();
    private int _nextId;
    private int _iterating;
    private readonly List<Archetype> _archetypes = new();
    private readonly Dictionary<ComponentSet, Archetype> _archetypeBySignature = new();

    public World()
    {
        EmptyArchetype = GetOrCreateArchetype(ComponentSet.Empty);
        Commands = new CommandBuffer(this);
    }

    public ComponentRegistry Components { get; } = new();

    /// <summary>The world's own command buffer; the App plays it back after every system.</summary>
    public CommandBuffer Commands { get; }

    public IReadOnlyList<Archetype> Archetypes => _archetypes;

    internal Archetype EmptyArchetype { get; }

    /// <summary>Number of live entities (reserved ones not yet placed are not counted).</summary>
    public int EntityCount { get; private set; }

    /// <summary>True while a query is iterating; structural changes are refused then.</summary>
    public bool IsIterating => _iterating > 0;

    public Entity Create()
    {
        var entity = Reserve();
        Place(entity, EmptyArchetype);
        return entity;
    }

    /// <summary>
    /// Allocates an entity handle without placing it in any archetype. Safe during iteration; a
    /// <see cref="CommandBuffer"/> uses it so that <c>Create</c> can return a usable handle immediately.
    /// </summary>
    public Entity Reserve()
    {
        int id;
        if (_freeIds.Count > 0) id = _freeIds.Pop();
        else
        {
            id = _nextId++;
            if (id >= _records.Length) Array.Resize(ref _records, _records.Length * 2);
        }
        ref var record = ref _records[id];
        record.Generation++;
        record.Archetype = null;
        record.Reserved = true;
        return new Entity(id, record.Generation);
    }

    /// <summary>True for an entity that exists now (not destroyed, not a stale handle, not just reserved).</summary>
    public bool IsAlive(Entity entity) =>
        (uint)entity.Id < (uint)_nextId && _records[entity.Id].Generation == entity.Generation && _records[entity.Id].Archetype is not null;

    public void Destroy(Entity entity)
    {
        GuardStructuralChange(nameof(Destroy));
        ref var record = ref _records[entity.Id];
        if (record.Generation == entity.Generation && record.Reserved && record.Archetype is null)
        {
            Release(entity.Id);
            return;
        }
        RequireAlive(entity);
        RemoveFromArchetype(ref record);
        EntityCount--;
        Release(entity.Id);
    }

    internal void PlaceReserved(Entity entity)
    {
        ref var record = ref _records[entity.Id];
        if (record.Generation != entity.Generation || !record.Reserved)
            throw new PhysMLException(ErrorCodes.DeadEntity, ErrorCategory.Internal, $"{entity} is not a reserved entity");
        Place(entity, EmptyArchetype);
    }

    private void Place(Entity entity, Archetype archetype)
    {
        GuardStructuralChange(nameof(Create));
        ref var record = ref _records[entity.Id];
        var (_, chunkIndex, row) = archetype.AllocateRow(entity);
        record.Archetype = archetype;
        record.ChunkIndex = chunkIndex;
        record.Row = row;
        record.Reserved = false;
        EntityCount++;
    }

    private void Release(int id)
    {
        ref var record = ref _records[id];
        record.Archetype = null;
        record.Reserved = false;
        // Bumping the generation here (not only on reuse) makes handles to the destroyed entity stale at once.
        record.Generation++;
        _freeIds.Push(id);
    }

    private void RemoveFromArchetype(ref EntityRecord record)
    {
        var moved = record.Archetype!.RemoveRow(record.ChunkIndex, record.Row);
        if (moved is { } m)
        {
            ref var movedRecord = ref _records[m.Id];
            movedRecord.ChunkIndex = record.ChunkIndex;
            movedRecord.Row = record.Row;
        }
    }

    private void RequireAlive(Entity entity)
    {
        if (!IsAlive(entity))
            throw new PhysMLException(ErrorCodes.DeadEntity, ErrorCategory.Internal,
                $"{entity} is not alive (destroyed, or a handle from an earlier generation)");
    }

    private void GuardStructuralChange(string operation)
    {
        if (_iterating > 0)
            throw new PhysMLException(ErrorCodes.StructuralChangeDuringIteration, ErrorCategory.Internal,
                $"{operation} was called while a query is iterating; record it in a CommandBuffer (world.Commands) instead");
    }

    private Archetype GetOrCreateArchetype(ComponentSet signature)
    {
        if (_archetypeBySignature.TryGetValue(signature, out var existing)) return existing;
        var types = signature.Ids.Select(id => Components[id]).ToArray();
        var archetype = new Archetype(_archetypes.Count, signature, types);
        _archetypes.Add(archetype);
        _archetypeBySignature.Add(signature, archetype);
        return archetype;
    }

    private struct EntityRecord
    {
        public Archetype? Archetype;
        public int ChunkIndex;
        public int Row;
        public int Generation;
        public bool Reserved;
    }
}
