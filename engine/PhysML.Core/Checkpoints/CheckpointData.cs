using System.Runtime.InteropServices;

namespace PhysML.Core.Checkpoints;

/// <summary>Arrays of plain values in and out of a checkpoint as raw bytes (little-endian machines only, as .NET on
/// x64 and arm64), with the length first so a mismatch is an error instead of a silent misread.</summary>
public static class CheckpointData
{
    public static void Write<T>(BinaryWriter writer, ReadOnlySpan<T> values) where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values));
    }

    /// <summary>Reads values written by <see cref="Write{T}"/> into <paramref name="into"/>, which must have the
    /// written length; <paramref name="what"/> names it in the error.</summary>
    public static void Read<T>(BinaryReader reader, Span<T> into, string what) where T : unmanaged
    {
        var length = reader.ReadInt32();
        if (length != into.Length)
            throw new CheckpointFormatException($"{what}: the checkpoint holds {length} values, this run has {into.Length}");
        var bytes = MemoryMarshal.AsBytes(into);
        if (reader.Read(bytes) != bytes.Length)
            throw new CheckpointFormatException($"{what}: the checkpoint ends early");
    }

    public static void WriteStrings(BinaryWriter writer, IReadOnlyCollection<string> values)
    {
        writer.Write(values.Count);
        foreach (var value in values) writer.Write(value);
    }

    public static List<string> ReadStrings(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0) throw new CheckpointFormatException($"a list of {count} strings");
        var values = new List<string>(count);
        for (var n = 0; n < count; n++) values.Add(reader.ReadString());
        return values;
    }
}
