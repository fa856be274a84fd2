using System.Runtime.CompilerServices;
using PhysML.Core.Errors;

namespace PhysML.Core.Ecs;

public sealed partial class World
{
    public bool Has<T>(Entity entity)
    {
        RequireAlive(entity);
        return _records[entity.Id].Archetype!.ColumnOf(typeof(T)) >= 0;
    }

    /// <summary>A reference to the entity's component; valid until the next structural change.</summary>
    public ref T Get<T>(Entity entity)
    {
        RequireAlive(entity);
        ref var record = ref _records[entity.Id];
        var column = record.Archetype!.ColumnOf(typeof(T));
        if (column < 0)
            throw new PhysMLException(ErrorCodes.MissingComponent, ErrorCategory.Internal,
                $"{entity} has no component {typeof(T).Name}; it has {record.Archetype}");
        return ref record.Archetype.Chunks[record.ChunkIndex].Column<T>(column)[record.Row];
    }

    public bool TryGet<T>(Entity entity, out T value)
    {
        value = default!;
        if (!IsAlive(entity)) return false;
        ref var record = ref _records[entity.Id];
        var column = record.Archetype!.ColumnOf(typeof(T));
        if (column < 0) return false;
        value = record.Archetype.Chunks[record.ChunkIndex].Column<T>(column)[record.Row];
        return true;
    }

    /// <summary>Adds the component, or overwrites it when the entity already has one.</summary>
    public void Add<T>(Entity entity, in T value)
    {
        RequireAlive(entity);
        var type = Components.Register<T>();
        ref var record = ref _records[entity.Id];
        var column = record.Archetype!.ColumnOf(typeof(T));
        if (column >= 0)
        {
            record.Archetype.Chunks[record.ChunkIndex].Column<T>(column)[record.Row] = value;
            return;
        }
        GuardStructuralChange(nameof(Add));
        var target = AddEdge(record.Archetype, type);
        var (chunk, row) = MoveTo(entity, ref record, target);
        chunk.Column<T>(target.ColumnOf(typeof(T)))[row] = value;
    }

    /// <summary>Adds a component whose type is known only at run time (scene loading). Not a hot path.</summary>
    public void AddBoxed(Entity entity, object value)
    {
        RequireAlive(entity);
        var type = Components.Register(value.GetType());
        ref var record = ref _records[entity.Id];
        var column = record.Archetype!.ColumnOf(type.Type);
        if (column < 0)
        {
            GuardStructuralChange(nameof(Add));
            var target = AddEdge(record.Archetype, type);
            MoveTo(entity, ref record, target);
            column = target.ColumnOf(type.Type);
        }
        record.Archetype!.Chunks[record.ChunkIndex].Columns[column].SetValue(value, record.Row);
    }

    public void Remove<T>(Entity entity)
    {
        RequireAlive(entity);
        ref var record = ref _records[entity.Id];
        if (record.Archetype!.ColumnOf(typeof(T)) < 0) return;
        GuardStructuralChange(nameof(Remove));
        var type = Components.Register<T>();
        var source = record.Archetype;
        if (!source.TryGetRemoveEdge(type.Id, out var target))
        {
            target = GetOrCreateArchetype(source.Signature.Without(type.Id));
            source.SetRemoveEdge(type.Id, target);
            target.SetAddEdge(type.Id, source);
        }
        MoveTo(entity, ref record, target);
    }

    /// <summary>The components of an entity, boxed; for inspection and tests, not for hot paths.</summary>
    public IReadOnlyList<object> GetAllBoxed(Entity entity)
    {
        RequireAlive(entity);
        ref var record = ref _records[entity.Id];
        var chunk = record.Archetype!.Chunks[record.ChunkIndex];
        var values = new object[chunk.Columns.Length];
        for (var c = 0; c < values.Length; c++) values[c] = chunk.Columns[c].GetValue(record.Row)!;
        return values;
    }

    private Archetype AddEdge(Archetype source, ComponentType type)
    {
        if (source.TryGetAddEdge(type.Id, out var target)) return target;
        target = GetOrCreateArchetype(source.Signature.With(type.Id));
        source.SetAddEdge(type.Id, target);
        target.SetRemoveEdge(type.Id, source);
        return target;
    }

    /// <summary>Moves an entity's row to another archetype, copying the components both have.</summary>
    private (Chunk Chunk, int Row) MoveTo(Entity entity, ref EntityRecord record, Archetype target)
    {
        var source = record.Archetype!;
        var sourceChunk = source.Chunks[record.ChunkIndex];
        var sourceRow = record.Row;
        var (chunk, chunkIndex, row) = target.AllocateRow(entity);
        for (var c = 0; c < source.Types.Length; c++)
        {
            var targetColumn = target.ColumnOf(source.Types[c].Type);
            if (targetColumn >= 0) Array.Copy(sourceChunk.Columns[c], sourceRow, chunk.Columns[targetColumn], row, 1);
        }
        RemoveFromArchetype(ref record);
        record.Archetype = target;
        record.ChunkIndex = chunkIndex;
        record.Row = row;
        return (chunk, row);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void EnterIteration() => _iterating++;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void ExitIteration() => _iterating--;
}
