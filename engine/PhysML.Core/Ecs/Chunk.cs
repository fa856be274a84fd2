using System.Runtime.CompilerServices;

namespace PhysML.Core.Ecs;

/// <summary>
/// A fixed-capacity block of entities of one archetype, stored as struct-of-arrays: one array (column) per
/// component, all indexed by the same row. Rows [0, Count) are live; archetypes keep every chunk but the last full.
/// </summary>
public sealed class Chunk
{
    internal Chunk(Archetype archetype, int capacity)
    {
        Archetype = archetype;
        Capacity = capacity;
        Entities = new Entity[capacity];
        Columns = new Array[archetype.Types.Length];
        for (var c = 0; c < Columns.Length; c++) Columns[c] = archetype.Types[c].CreateColumn(capacity);
    }

    public Archetype Archetype { get; }
    public int Capacity { get; }
    public int Count { get; internal set; }

    internal Entity[] Entities { get; }
    internal Array[] Columns { get; }

    public bool IsFull => Count == Capacity;

    /// <summary>The live entities of this chunk, row-aligned with <see cref="GetSpan{T}"/>.</summary>
    public ReadOnlySpan<Entity> EntitySpan => new(Entities, 0, Count);

    /// <summary>The live values of component <typeparamref name="T"/>; throws if the archetype lacks it.</summary>
    public Span<T> GetSpan<T>()
    {
        var column = Archetype.ColumnOf(typeof(T));
        if (column < 0)
            throw new InvalidOperationException($"archetype {Archetype} has no component {typeof(T).Name}");
        return new Span<T>(Unsafe.As<T[]>(Columns[column]), 0, Count);
    }

    // Column by index: the query fast path resolves the index once per archetype.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal T[] Column<T>(int column) => Unsafe.As<T[]>(Columns[column]);
}
