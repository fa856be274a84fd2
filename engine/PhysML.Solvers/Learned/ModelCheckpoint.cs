using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using PhysML.Core.Errors;
using PhysML.Core.IO;

namespace PhysML.Solvers.Learned;

/// <summary>
/// The checkpoint file of a learned model: the 8-byte magic <c>PMLCKPT1</c>, the header length (int32, little-endian),
/// the UTF-8 JSON <see cref="CheckpointMetadata"/>, then every tensor's float32 values (little-endian) in header order.
/// Our own format, not TorchSharp's, because the Vulkan inference kernels read the weights without libtorch; the
/// header carries a SHA-256 of the weights so a truncated or altered file is refused, never half-used.
/// Written atomically (<see cref="AtomicFile"/>): a crash mid-write never leaves half a checkpoint under its name.
/// </summary>
public static class ModelCheckpoint
{
    public const int FormatVersion = 1;
    private static readonly byte[] Magic = "PMLCKPT1"u8.ToArray();
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Writes <paramref name="tensors"/> (one array per <see cref="CheckpointMetadata.Tensors"/> entry).</summary>
    public static void Write(string path, CheckpointMetadata metadata, IReadOnlyList<float[]> tensors)
    {
        if (tensors.Count != metadata.Tensors.Count)
            throw new ArgumentException($"{tensors.Count} tensors for {metadata.Tensors.Count} header entries", nameof(tensors));
        for (var t = 0; t < tensors.Count; t++)
            if (tensors[t].Length != metadata.Tensors[t].Length)
                throw new ArgumentException($"tensor {metadata.Tensors[t].Name}: {tensors[t].Length} values for shape " +
                                            $"[{string.Join(", ", metadata.Tensors[t].Shape)}]", nameof(tensors));
        var weights = WeightBytes(tensors);
        var header = JsonSerializer.SerializeToUtf8Bytes(metadata with { ContentSha256 = Sha256(weights) }, Json);

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.Write(path, stream =>
        {
            stream.Write(Magic);
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(length, header.Length);
            stream.Write(length);
            stream.Write(header);
            stream.Write(weights);
        });
    }

    /// <summary>Reads and verifies a checkpoint; every problem is a PML0501 naming the file and what is wrong.</summary>
    public static (CheckpointMetadata Metadata, float[][] Tensors) Read(string path)
    {
        if (!File.Exists(path)) throw Invalid(path, "the file does not exist");
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < Magic.Length + 4 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw Invalid(path, "it is not a PhysML model checkpoint (no PMLCKPT1 header)");
        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(Magic.Length));
        var headerStart = Magic.Length + 4;
        if (headerLength <= 0 || headerStart + headerLength > bytes.Length)
            throw Invalid(path, $"it is truncated: the header needs {headerLength} bytes, the file has {bytes.Length - headerStart}");

        CheckpointMetadata? metadata;
        try
        {
            metadata = JsonSerializer.Deserialize<CheckpointMetadata>(bytes.AsSpan(headerStart, headerLength), Json);
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"its header is not valid JSON ({e.Message})");
        }
        if (metadata is null) throw Invalid(path, "its header is empty");
        if (metadata.Format != FormatVersion)
            throw Invalid(path, $"format {metadata.Format}; this engine reads format {FormatVersion}");

        var weightStart = headerStart + headerLength;
        var expected = metadata.Tensors.Sum(t => t.Length) * sizeof(float);
        var actual = bytes.Length - weightStart;
        if (actual != expected)
            throw Invalid(path, actual < expected
                ? $"it is truncated: the header lists {expected} bytes of weights, the file has {actual}"
                : $"it has {actual - expected} bytes after the weights the header lists");
        var weights = bytes.AsSpan(weightStart);
        var hash = Sha256(weights);
        if (!string.Equals(hash, metadata.ContentSha256, StringComparison.OrdinalIgnoreCase))
            throw Invalid(path, $"content hash mismatch: the header says {metadata.ContentSha256 ?? "(none)"}, the weights hash to {hash}");

        var tensors = new float[metadata.Tensors.Count][];
        var offset = 0;
        for (var t = 0; t < tensors.Length; t++)
        {
            tensors[t] = new float[metadata.Tensors[t].Length];
            for (var i = 0; i < tensors[t].Length; i++, offset += 4)
                tensors[t][i] = BinaryPrimitives.ReadSingleLittleEndian(weights[offset..]);
        }
        return (metadata, tensors);
    }

    /// <summary>PML0502: a valid checkpoint that is not what the caller needs (dimensions, kind, architecture).</summary>
    public static PhysMLException Incompatible(string path, string mismatch) =>
        new(ErrorCodes.CheckpointIncompatible, ErrorCategory.BadInput, $"model checkpoint {path}: {mismatch}");

    private static PhysMLException Invalid(string path, string problem) =>
        new(ErrorCodes.CheckpointInvalid, ErrorCategory.BadInput, $"model checkpoint {path} cannot be used: {problem}");

    private static byte[] WeightBytes(IReadOnlyList<float[]> tensors)
    {
        var bytes = new byte[tensors.Sum(t => (long)t.Length) * sizeof(float)];
        var offset = 0;
        foreach (var tensor in tensors)
            foreach (var value in tensor)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(offset), value);
                offset += 4;
            }
        return bytes;
    }

    private static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
