using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using PhysML.Core.IO;

namespace PhysML.Scenes.Checkpoints;

/// <summary>
/// One checkpoint file, <c>checkpoints/frame-NNNNNN.ckpt</c>: the magic <c>PMLCKPT1</c>, the payload length, the
/// payload (the header as JSON, then the world and the run's own state as binary), and the payload's SHA-256. It is
/// written atomically, and read only whole: a truncated or corrupted file fails its length or hash check and is
/// skipped, never half-restored.
/// </summary>
public static class RunCheckpointFile
{
    private static readonly byte[] Magic = "PMLCKPT1"u8.ToArray();

    private static readonly JsonSerializerOptions HeaderJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static void Write(string path, RunCheckpointHeader header, Action<BinaryWriter> writeState)
    {
        var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(JsonSerializer.Serialize(header, HeaderJson));
            writeState(writer);
        }
        var bytes = payload.GetBuffer().AsSpan(0, (int)payload.Length);
        var hash = SHA256.HashData(bytes);
        var copy = bytes.ToArray();
        AtomicFile.Write(path, stream =>
        {
            stream.Write(Magic);
            stream.Write(BitConverter.GetBytes((long)copy.Length));
            stream.Write(copy);
            stream.Write(hash);
        });
    }

    /// <summary>The header and a reader positioned at the state, or null with <paramref name="problem"/> saying why the
    /// file cannot be used (truncated, corrupted, not a checkpoint).</summary>
    public static (RunCheckpointHeader Header, BinaryReader State)? TryRead(string path, out string problem)
    {
        byte[] file;
        try
        {
            file = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot be read: {e.Message}";
            return null;
        }
        const int hashBytes = 32;
        var prefix = Magic.Length + sizeof(long);
        if (file.Length < prefix || !file.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            problem = "is not a PhysML run checkpoint (no PMLCKPT1 header)";
            return null;
        }
        var length = BitConverter.ToInt64(file, Magic.Length);
        if (length < 0 || prefix + length + hashBytes != file.Length)
        {
            problem = $"is truncated or padded: {file.Length} bytes, {prefix + length + hashBytes} expected";
            return null;
        }
        var payload = file.AsSpan(prefix, (int)length);
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(file.AsSpan(prefix + (int)length, hashBytes)))
        {
            problem = "is corrupted: its SHA-256 does not match its content";
            return null;
        }
        var reader = new BinaryReader(new MemoryStream(file, prefix, (int)length, writable: false));
        try
        {
            var header = JsonSerializer.Deserialize<RunCheckpointHeader>(reader.ReadString(), HeaderJson);
            problem = "";
            if (header is not null) return (header, reader);
        }
        catch (Exception e) when (e is JsonException or EndOfStreamException or IOException)
        {
            problem = $"has an unreadable header: {e.Message}";
            return null;
        }
        problem = "has an empty header";
        return null;
    }

    /// <summary>The SHA-256 of a scene file's bytes, lower-case hex.</summary>
    public static string HashOf(string sceneFile) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(sceneFile)));
}
