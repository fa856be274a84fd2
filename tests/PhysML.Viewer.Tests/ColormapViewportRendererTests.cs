using PhysML.Viewer.Rendering;
using PhysML.Viewer.Simulation;
using PhysML.Viewer.Viewing;

namespace PhysML.Viewer.Tests;

/// <summary>The CPU viewport: orientation (+y up), square cells, letterbox, obstacles, the diverging map for signed fields.</summary>
public sealed class ColormapViewportRendererTests
{
    private static uint Rgba((byte R, byte G, byte B) c) => c.R | ((uint)c.G << 8) | ((uint)c.B << 16) | 0xFF000000;

    [Fact]
    public void TwoByTwoField_IsUpright_Letterboxed_AndSolidCellsAreGrey()
    {
        // [ny, nx] = [2, 4]: row j = 0 is the bottom. Cell (3, 1) is the maximum, (0, 0) the minimum, (1, 1) solid.
        var snapshot = new ViewerSnapshot
        {
            FieldShape = [2, 4],
            Values = [0, 1, 2, 3, 4, 5, 6, 7],
            Solid = [0, 0, 0, 0, 0, 1, 0, 0],
            Min = 0,
            Max = 7,
        };
        var pixels = new uint[40 * 40];

        ViewportLayout layout = ColormapViewportRenderer.Draw(snapshot, ViewState.Initial, pixels, 40, 40)!.Value;

        Assert.Equal(new ViewportLayout(0, 10, 40, 20, 4, 2), layout); // 10-pixel cells, centred vertically
        var viridis = PhysML.Scenes.Recording.Colormap.Get("viridis");
        Assert.Equal(ColormapViewportRenderer.Background, pixels[0]);          // letterbox above
        Assert.Equal(Rgba(viridis.At(1)), pixels[(10 + 5) * 40 + 35]);         // top-right = cell (3, 1), the maximum
        Assert.Equal(Rgba(viridis.At(0)), pixels[(20 + 5) * 40 + 5]);          // bottom-left = cell (0, 0), the minimum
        Assert.Equal(ColormapViewportRenderer.SolidColour, pixels[(10 + 5) * 40 + 15]);
        Assert.Equal(ColormapViewportRenderer.Background, pixels[39 * 40 + 39]); // letterbox below
    }

    [Fact]
    public void SignedField_UsesTheDivergingMap_SymmetricAboutZero()
    {
        (var map, double low, double high) = ColormapViewportRenderer.ColourScale(-2, 5);
        Assert.Equal("diverging", map.Name);
        Assert.Equal((-5.0, 5.0), (low, high)); // zero sits in the map's neutral middle
        Assert.Equal("viridis", ColormapViewportRenderer.ColourScale(0, 5).Map.Name);
    }

    [Fact]
    public void ThreeDField_ShowsTheSliceChosenByTheView()
    {
        // [nz, ny, nx] = [3, 1, 1]: one cell per slice, values 0, 1, 2.
        var snapshot = new ViewerSnapshot { FieldShape = [3, 1, 1], Values = [0, 1, 2], Min = 0, Max = 2 };
        var pixels = new uint[4];
        var viridis = PhysML.Scenes.Recording.Colormap.Get("viridis");
        ColormapViewportRenderer.Draw(snapshot, ViewState.Initial with { SliceFraction = 1 }, pixels, 2, 2);
        Assert.Equal(Rgba(viridis.At(1)), pixels[0]);
        ColormapViewportRenderer.Draw(snapshot, ViewState.Initial with { SliceFraction = 0 }, pixels, 2, 2);
        Assert.Equal(Rgba(viridis.At(0)), pixels[0]);
    }
}
