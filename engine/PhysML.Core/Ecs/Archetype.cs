namespace PhysML.Core.Ecs;

/// <summary>
/// All entities with exactly one set of component types. Storage is a list of chunks; add/remove transitions to
/// neighbouring archetypes are cached as edges, so a structural change after the first costs one dictionary lookup.
/// <para>
/// Chunk sizes grow: the first is 16 KiB (Arch's size, so an archetype of a few entities costs little) and each next
/// one doubles, up to 1 MiB. Measured on the 1M-entity update benchmark: fixed 16 KiB chunks ran at 3.1 ns per entity,
/// slower than a List of in-order class objects (2.5 ns), because every 6 KiB column restarts the hardware prefetcher;
/// 128 KiB chunks ran at 1.6 ns. Large archetypes get long streams, small ones stay small.
/// </para>
/// </summary>
public sealed class Archetype
{
    /// <summary>Size of an archetype's first chunk in bytes.</summary>
    public const int FirstChunkBytes = 16 * 1024;

    /// <summary>Largest chunk size in bytes.</summary>
    public const int MaxChunkBytes = 1024 * 1024;

    private readonly Dictionary<Type, int> _columnByType = new();
    private readonly Dictionary<int, Archetype> _addEdges = new();
    private readonly Dictionary<int, Archetype> _removeEdges = new();
    private readonly List<Chunk> _chunks = new();

    internal Archetype(int index, ComponentSet signature, ComponentType[] types)
    {
        Index = index;
        Signature = signature;
        Types = types;
        for (var c = 0; c < types.Length; c++) _columnByType.Add(types[c].Type, c);
        var rowBytes = types.Sum(t => t.Size) + System.Runtime.CompilerServices.Unsafe.SizeOf<Entity>();
        // A fat row would otherwise get a chunk of one or two rows; keep at least 16.
        ChunkCapacity = Math.Max(FirstChunkBytes / rowBytes, 16);
        _maxChunkCapacity = Math.Max(MaxChunkBytes / rowBytes, ChunkCapacity);
    }

    /// <summary>Position in the world's archetype list; queries scan by it.</summary>
    public int Index { get; }
    public ComponentSet Signature { get; }

    /// <summary>The component types in ascending id order; column c stores Types[c].</summary>
    public ComponentType[] Types { get; }

    /// <summary>Capacity of the first chunk; each next chunk doubles it, up to the 1 MiB limit.</summary>
    public int ChunkCapacity { get; }

    private readonly int _maxChunkCapacity;
    public IReadOnlyList<Chunk> Chunks => _chunks;

    public int EntityCount { get; private set; }

    /// <summary>The column of a component type, or -1 when this archetype does not have it.</summary>
    public int ColumnOf(Type type) => _columnByType.TryGetValue(type, out var column) ? column : -1;

    internal bool TryGetAddEdge(int componentId, out Archetype target) => _addEdges.TryGetValue(componentId, out target!);
    internal void SetAddEdge(int componentId, Archetype target) => _addEdges[componentId] = target;
    internal bool TryGetRemoveEdge(int componentId, out Archetype target) => _removeEdges.TryGetValue(componentId, out target!);
    internal void SetRemoveEdge(int componentId, Archetype target) => _removeEdges[componentId] = target;

    /// <summary>Reserves a row at the end of the last chunk (a new chunk if it is full).</summary>
    internal (Chunk Chunk, int ChunkIndex, int Row) AllocateRow(Entity entity)
    {
        if (_chunks.Count == 0 || _chunks[^1].IsFull)
        {
            var capacity = _chunks.Count == 0 ? ChunkCapacity : Math.Min(_chunks[^1].Capacity * 2, _maxChunkCapacity);
            _chunks.Add(new Chunk(this, capacity));
        }
        var chunk = _chunks[^1];
        var row = chunk.Count++;
        chunk.Entities[row] = entity;
        EntityCount++;
        return (chunk, _chunks.Count - 1, row);
    }

    /// <summary>
    /// Removes a row by moving the archetype's last row into it, keeping chunks dense.
    /// Returns the entity that moved (to fix its record), or null when the removed row was the last one.
    /// </summary>
    internal Entity? RemoveRow(int chunkIndex, int row)
    {
        var last = _chunks[^1];
        var lastRow = last.Count - 1;
        var chunk = _chunks[chunkIndex];
        Entity? moved = null;
        if (!ReferenceEquals(chunk, last) || row != lastRow)
        {
            for (var c = 0; c < Types.Length; c++) Array.Copy(last.Columns[c], lastRow, chunk.Columns[c], row, 1);
            chunk.Entities[row] = last.Entities[lastRow];
            moved = chunk.Entities[row];
        }
        // Clear the vacated row so managed components can be collected.
        for (var c = 0; c < Types.Length; c++) Array.Clear(last.Columns[c], lastRow, 1);
        last.Count--;
        EntityCount--;
        if (last.Count == 0) _chunks.RemoveAt(_chunks.Count - 1);
        return moved;
    }

    /// <summary>Drops every row (a checkpoint is being read into the world); the archetype and its edges stay.</summary>
    internal void ClearRows()
    {
        _chunks.Clear();
        EntityCount = 0;
    }

    public override string ToString() => Types.Length == 0 ? "[]" : "[" + string.Join(", ", Types.Select(t => t.Type.Name)) + "]";
}
