using System.Buffers.Binary;
using System.Text;

namespace PhysML.Cli.Tests;

/// <summary>Reads the header and values of a .npy v1.0 file, to check what the recorder wrote.</summary>
internal static class NpyFile
{
    public static (string Header, double[] Values) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 }, bytes[..8]);
        var headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        Assert.Equal(0, (10 + headerLength) % 64); // data aligned to 64 bytes, as the format asks
        var header = Encoding.ASCII.GetString(bytes, 10, headerLength);
        var data = bytes.AsSpan(10 + headerLength);
        var f4 = header.Contains("'<f4'");
        var values = new double[data.Length / (f4 ? 4 : 8)];
        for (var k = 0; k < values.Length; k++)
            values[k] = f4 ? BinaryPrimitives.ReadSingleLittleEndian(data[(k * 4)..]) : BinaryPrimitives.ReadDoubleLittleEndian(data[(k * 8)..]);
        return (header, values);
    }
}
