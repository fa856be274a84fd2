using PhysML.Core.Errors;
using PhysML.Core.IO;
using SkiaSharp;

namespace PhysML.Viewer;

/// <summary>Writes what the window shows (viewport and HUD) as a PNG, atomically, named after the scene and frame.</summary>
public static class ScreenshotWriter
{
    /// <summary>Writes <paramref name="rgba"/> (packed RGBA8, R lowest, top row first) into <paramref name="directory"/>
    /// as <c>SCENE-frameN.png</c> (-2, -3 ... when taken again at the same frame) and returns the path.</summary>
    /// <exception cref="PhysMLException">PML0712: the directory does not exist or cannot be written.</exception>
    public static string Write(ReadOnlySpan<uint> rgba, int width, int height, string directory, string scene, long frame)
    {
        string stem = $"{(scene.Length == 0 ? "physml" : scene)}-frame{frame}";
        string path = Path.Combine(directory, stem + ".png");
        for (int n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(directory, $"{stem}-{n}.png");
        }

        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(rgba[..(width * height)]).CopyTo(bitmap.GetPixelSpan());
        try
        {
            using SKImage image = SKImage.FromBitmap(bitmap);
            using SKData data = image.Encode(SKEncodedImageFormat.Png, 100);
            AtomicFile.Write(path, data.SaveTo);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PhysMLException(ErrorCodes.ScreenshotFailed, ErrorCategory.BadInput,
                $"the screenshot could not be written to {Path.GetFullPath(path)}: {e.Message}; pass an existing, writable directory with --out", e);
        }

        return path;
    }
}
