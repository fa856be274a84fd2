using PhysML.Core.IO;
using SkiaSharp;

namespace PhysML.Rendering;

/// <summary>Reads and writes RGBA8 images as PNG through SkiaSharp.</summary>
public static class PngImage
{
    /// <summary>Encodes <paramref name="rgba"/> (R, G, B, A per pixel, top row first, opaque) to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, ReadOnlySpan<byte> rgba, int width, int height)
    {
        if (rgba.Length < width * height * 4) throw new ArgumentException($"{rgba.Length} bytes are fewer than {width}x{height} RGBA pixels", nameof(rgba));
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        rgba[..(width * height * 4)].CopyTo(bitmap.GetPixelSpan());
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        AtomicFile.Write(path, stream => data.SaveTo(stream));
    }

    /// <summary>Decodes a PNG to RGBA8 (straight alpha), with its size.</summary>
    public static (byte[] Rgba, int Width, int Height) Read(string path)
    {
        using var codec = SKCodec.Create(path) ?? throw new InvalidDataException($"{path} is not an image SkiaSharp can decode");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var rgba = SKBitmap.Decode(codec, info) ?? throw new InvalidDataException($"{path} could not be decoded to RGBA8");
        return (rgba.GetPixelSpan().ToArray(), info.Width, info.Height);
    }
}
