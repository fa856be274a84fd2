namespace PhysML.Scenes.Recording;

/// <summary>
/// Perceptual colormaps for field images, as evenly spaced sRGB stops with linear interpolation between them:
/// viridis and inferno (van der Walt and Smith's matplotlib maps, sampled at 11 stops) for magnitudes, and a
/// blue–white–red diverging map for signed fields. 11 stops keep the error below what 8-bit output resolves.
/// </summary>
public sealed class Colormap
{
    private static readonly Dictionary<string, Colormap> Known = new(StringComparer.Ordinal)
    {
        ["viridis"] = new("viridis", 0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725),
        ["inferno"] = new("inferno", 0x000004, 0x160b39, 0x420a68, 0x6a176e, 0x932667, 0xbc3754, 0xdd513a, 0xf37819, 0xfca50a, 0xf6d746, 0xfcffa4),
        ["diverging"] = new("diverging", 0x3b4cc0, 0x5977e3, 0x7b9ff9, 0x9ebeff, 0xc0d4f5, 0xdddddd, 0xf2cbb7, 0xf7ac8e, 0xee8468, 0xd65244, 0xb40426),
    };

    private readonly (byte R, byte G, byte B)[] _stops;

    private Colormap(string name, params int[] rgb)
    {
        Name = name;
        _stops = rgb.Select(c => ((byte)(c >> 16), (byte)(c >> 8), (byte)c)).ToArray();
    }

    public string Name { get; }

    public static IReadOnlyCollection<string> Names => Known.Keys;

    public static Colormap Get(string name) => Known.TryGetValue(name, out var map)
        ? map
        : throw new ArgumentException($"unknown colormap '{name}'; known: {string.Join(", ", Names)}", nameof(name));

    /// <summary>The colour at <paramref name="t"/> in [0, 1] (clamped; NaN maps to 0).</summary>
    public (byte R, byte G, byte B) At(double t)
    {
        t = double.IsNaN(t) ? 0 : Math.Clamp(t, 0, 1);
        var x = t * (_stops.Length - 1);
        var i = Math.Min((int)x, _stops.Length - 2);
        var f = x - i;
        var (a, b) = (_stops[i], _stops[i + 1]);
        return (Lerp(a.R, b.R, f), Lerp(a.G, b.G, f), Lerp(a.B, b.B, f));
    }

    private static byte Lerp(byte a, byte b, double f) => (byte)Math.Round(a + (b - a) * f);
}
