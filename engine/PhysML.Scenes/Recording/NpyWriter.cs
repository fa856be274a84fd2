using System.Buffers.Binary;
using System.Text;

namespace PhysML.Scenes.Recording;

/// <summary>
/// Writes NumPy <c>.npy</c> files, format version 1.0: the magic string, a header dict padded so the data starts on a
/// 64-byte boundary, then little-endian values in C order. Written by hand: no served .NET package writes .npy.
/// </summary>
public static class NpyWriter
{
    public static void Write(Stream stream, ReadOnlySpan<double> values, ReadOnlySpan<int> shape, NpyDType dtype)
    {
        var count = 1;
        foreach (var d in shape) count *= d;
        if (count != values.Length)
            throw new ArgumentException($"shape [{string.Join(", ", shape.ToArray())}] holds {count} values, got {values.Length}");

        WriteHeader(stream, shape, dtype);
        var size = dtype == NpyDType.Float32 ? 4 : 8;
        var buffer = new byte[Math.Min(values.Length, 1 << 16) * size];
        for (var start = 0; start < values.Length; start += buffer.Length / size)
        {
            var n = Math.Min(buffer.Length / size, values.Length - start);
            for (var k = 0; k < n; k++)
            {
                if (dtype == NpyDType.Float32) BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(k * 4), (float)values[start + k]);
                else BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(k * 8), values[start + k]);
            }
            stream.Write(buffer, 0, n * size);
        }
    }

    private static void WriteHeader(Stream stream, ReadOnlySpan<int> shape, NpyDType dtype)
    {
        var dims = shape.Length == 1 ? $"{shape[0]}," : string.Join(", ", shape.ToArray());
        var descr = dtype == NpyDType.Float32 ? "<f4" : "<f8";
        var dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({dims}), }}";
        const int preamble = 10; // magic (6) + version (2) + header length (2)
        var padded = (preamble + dict.Length + 1 + 63) / 64 * 64;
        var header = dict.PadRight(padded - preamble - 1) + "\n";
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y']);
        stream.WriteByte(1);
        stream.WriteByte(0);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)header.Length);
        stream.Write(length);
        stream.Write(Encoding.ASCII.GetBytes(header));
    }
}
