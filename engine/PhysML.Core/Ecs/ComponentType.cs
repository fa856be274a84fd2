using System.Runtime.CompilerServices;

namespace PhysML.Core.Ecs;

/// <summary>A component type known to one world: its dense id, CLR type and byte size.</summary>
public sealed class ComponentType
{
    private readonly Func<int, Array> _createColumn;

    private ComponentType(int id, Type type, int size, Func<int, Array> createColumn)
    {
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

    internal static ComponentType Create<T>(int id) =>
        new(id, typeof(T), Unsafe.SizeOf<T>(), capacity => new T[capacity]);

    public override string ToString() => Type.Name;
}
