using PhysML.Scenes.Recording;

namespace PhysML.Rendering;

/// <summary>A colormap as the 256 packed RGBA8 entries the shaders interpolate (render_common.glsl, LUT_SIZE).</summary>
internal static class ColormapTable
{
    public const int Size = 256;

    public static uint[] For(Colormap map)
    {
        var table = new uint[Size];
        for (var i = 0; i < Size; i++)
        {
            var (r, g, b) = map.At(i / (double)(Size - 1));
            table[i] = Pack(r, g, b);
        }
        return table;
    }

    public static uint Pack(byte r, byte g, byte b, byte a = 255) => r | ((uint)g << 8) | ((uint)b << 16) | ((uint)a << 24);
}
