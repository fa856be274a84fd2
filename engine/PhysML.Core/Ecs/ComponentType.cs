using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PhysML.Core.Ecs;

/// <summary>A component type known to one world: its dense id, CLR type and byte size.</summary>
public sealed class ComponentType
{
    private readonly Func<int, Array> _createColumn;

    private ComponentType(int id, Type type, int size, Func<int, Array> createColumn, bool isUnmanaged,
        Action<Array, int, BinaryWriter> writeRaw, Action<BinaryReader, Array, int> readRaw)
    {
        IsUnmanaged = isUnmanaged;
        _writeRaw = writeRaw;
        _readRaw = readRaw;
        Id = id;
        Type = type;
        Size = size;
        _createColumn = createColumn;
    }

    public int Id { get; }
    public Type Type { get; }

    /// <summary>Bytes per element in a chunk column (a reference's size for managed components).</summary>
    public int Size { get; }

    internal Array CreateColumn(int capacity) => _createColumn(capacity);

    /// <summary>True when values hold no references: checkpoints copy them as raw bytes.</summary>
    public bool IsUnmanaged { get; }

    private readonly Action<Array, int, BinaryWriter> _writeRaw;
    private readonly Action<BinaryReader, Array, int> _readRaw;

    /// <summary>The first <paramref name="count"/> values of an unmanaged column as raw bytes.</summary>
    internal void WriteRaw(Array column, int count, BinaryWriter writer) => _writeRaw(column, count, writer);

    internal void ReadRaw(BinaryReader reader, Array column, int count) => _readRaw(reader, column, count);

    internal static ComponentType Create<T>(int id)
    {
        var unmanaged = !RuntimeHelpers.IsReferenceOrContainsReferences<T>();
        return new(id, typeof(T), Unsafe.SizeOf<T>(), capacity => new T[capacity], unmanaged,
            (column, count, writer) =>
            {
                if (!unmanaged) throw new InvalidOperationException($"{typeof(T).Name} holds references; it has no raw bytes");
                writer.Write(Bytes((T[])column, count));
            },
            (reader, column, count) =>
            {
                if (!unmanaged) throw new InvalidOperationException($"{typeof(T).Name} holds references; it has no raw bytes");
                var bytes = Bytes((T[])column, count);
                if (reader.Read(bytes) != bytes.Length)
                    throw new Checkpoints.CheckpointFormatException($"component {typeof(T).Name}: the checkpoint ends early");
            });
    }

    // MemoryMarshal.AsBytes needs a struct constraint, which Register<T> cannot have (class components exist); the
    // callers check IsUnmanaged first.
    private static Span<byte> Bytes<T>(T[] values, int count) =>
        count == 0 ? Span<byte>.Empty : MemoryMarshal.CreateSpan(ref Unsafe.As<T, byte>(ref values[0]), count * Unsafe.SizeOf<T>());

    public override string ToString() => Type.Name;
}
