using System.Reflection;
using System.Runtime.CompilerServices;

namespace PhysML.Core.Checkpoints;

/// <summary>How a checkpoint carries one resource or component type.</summary>
public enum CheckpointKind : byte
{
    /// <summary>Neither plain data, nor <see cref="ICheckpointable"/>, nor marked stateless: refused (PML0602).</summary>
    Unsupported = 0,
    /// <summary>A struct without references: its raw bytes.</summary>
    RawBytes = 1,
    /// <summary>A struct with references (strings, arrays: scene data such as a keyframed path): its JSON text.</summary>
    Json = 2,
    /// <summary>The type writes and reads its own state (<see cref="ICheckpointable"/>).</summary>
    Custom = 3,
    /// <summary><see cref="NoCheckpointStateAttribute"/>: rebuilt by Startup, nothing written.</summary>
    Stateless = 4,
}

/// <summary>Decides the <see cref="CheckpointKind"/> of a type, the same way when writing and reading.</summary>
public static class CheckpointKinds
{
    public static CheckpointKind Of(Type type)
    {
        if (type.GetCustomAttribute<NoCheckpointStateAttribute>() is not null) return CheckpointKind.Stateless;
        if (typeof(ICheckpointable).IsAssignableFrom(type)) return CheckpointKind.Custom;
        if (!type.IsValueType) return CheckpointKind.Unsupported;
        var containsReferences = (bool)typeof(RuntimeHelpers).GetMethod(nameof(RuntimeHelpers.IsReferenceOrContainsReferences))!
            .MakeGenericMethod(type).Invoke(null, null)!;
        return containsReferences ? CheckpointKind.Json : CheckpointKind.RawBytes;
    }

    /// <summary>The name a checkpoint stores for a type: its full name and assembly, without the version (a rebuilt
    /// plugin can still read its checkpoints; the content checks catch a changed layout).</summary>
    public static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
