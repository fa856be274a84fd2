using PhysML.Viewer.Input;
using PhysML.Viewer.Rendering;
using PhysML.Viewer.Simulation;
using SkiaSharp;

namespace PhysML.Viewer.Tests;

/// <summary>
/// The whole viewer in a hidden window under Xvfb on lavapipe (validation on, zero messages): the picture read back
/// from the swapchain shows the field with the colormap's extremes on the field's extreme cells, keys injected through
/// the input queue pause, step, reset and cycle fields, P writes a PNG, and a failing simulation shows in the HUD.
/// </summary>
[Collection(WindowCollection.Name)]
public sealed class ViewerAppTests
{
    /// <summary>Reads back the swapchain image of the next frame; it must equal the composed frame exactly (same size,
    /// nearest blit, UNORM both ends), so any later pixel check on <see cref="ViewerApp.LastFrame"/> holds on screen.</summary>
    private static uint[] PresentAndCapture(ViewerApp viewer)
    {
        for (int attempt = 0; attempt < 3; attempt++)
        {
            viewer.Presenter.CaptureNextFrame();
            viewer.RunFrame();
            if (viewer.Presenter.TakeCapture() is { } capture)
            {
                var pixels = new uint[capture.Width * capture.Height];
                for (int p = 0; p < pixels.Length; p++)
                {
                    pixels[p] = (uint)(capture.Rgba[4 * p] | (capture.Rgba[4 * p + 1] << 8) | (capture.Rgba[4 * p + 2] << 16)) | 0xFF000000;
                }

                Assert.Equal(viewer.LastFrame.Length, pixels.Length);
                Assert.True(viewer.LastFrame.AsSpan().SequenceEqual(pixels), "the swapchain image differs from the composed frame");
                return pixels;
            }
        }

        throw new InvalidOperationException("no frame was captured in three tries");
    }

    /// <summary>The displayed slice's extreme (non-solid) cells are drawn in the colour the colormap gives their values.</summary>
    private static void AssertExtremesDrawn(ViewerSnapshot shown, uint[] pixels, int width, int height, bool expectMapEnds)
    {
        int nx = shown.FieldShape[^1];
        int ny = shown.FieldShape[^2];
        int nz = shown.FieldShape.Length == 3 ? shown.FieldShape[0] : 1;
        int offset = (int)Math.Round(0.5 * (nz - 1)) * nx * ny;
        int argMax = -1;
        int argMin = -1;
        for (int c = 0; c < nx * ny; c++)
        {
            if (shown.Solid.Length > 0 && shown.Solid[offset + c] > 0.5) continue;
            if (argMax < 0 || shown.Values[offset + c] > shown.Values[offset + argMax]) argMax = c;
            if (argMin < 0 || shown.Values[offset + c] < shown.Values[offset + argMin]) argMin = c;
        }

        Assert.True(shown.Values[offset + argMax] > shown.Values[offset + argMin], $"{shown.FieldName} is flat on the displayed slice");
        ViewportLayout layout = ViewportLayout.Fit(nx, ny, width, height);
        (var map, double low, double high) = ColormapViewportRenderer.ColourScale(shown.Min, shown.Max);
        foreach (int cell in new[] { argMax, argMin })
        {
            (byte r, byte g, byte b) = map.At((shown.Values[offset + cell] - low) / (high - low));
            uint expected = r | ((uint)g << 8) | ((uint)b << 16) | 0xFF000000;
            (int x, int y) = layout.PixelOf(cell % nx, cell / nx);
            Assert.True(pixels[y * width + x] == expected,
                $"{shown.FieldName} cell ({cell % nx}, {cell / nx}) = {shown.Values[offset + cell]} in [{shown.Min}, {shown.Max}] at pixel ({x}, {y}) of {layout}: 0x{pixels[y * width + x]:X8}, expected 0x{expected:X8}; frame {shown.Frame}, shape {string.Join("x", shown.FieldShape)}");
        }

        if (expectMapEnds)
        {
            // A 2D magnitude field: its maximum is the colormap's last stop and its minimum the first.
            (byte r1, byte g1, byte b1) = map.At(1);
            (byte r0, byte g0, byte b0) = map.At(0);
            (int xMax, int yMax) = layout.PixelOf(argMax % nx, argMax / nx);
            (int xMin, int yMin) = layout.PixelOf(argMin % nx, argMin / nx);
            Assert.Equal(r1 | ((uint)g1 << 8) | ((uint)b1 << 16) | 0xFF000000, pixels[yMax * width + xMax]);
            Assert.Equal(r0 | ((uint)g0 << 8) | ((uint)b0 << 16) | 0xFF000000, pixels[yMin * width + xMin]);
        }
    }

    [Fact]
    public void Scene2D_StepsOnKeys_AndShowsTheFieldWithColormapExtremesOnItsExtremeCells()
    {
        using ViewerApp viewer = ViewerHarness.Open(ViewerHarness.Scene("heat-plate"));
        viewer.RunUntil(v => v.Shown.FieldName == "temperature", "the first snapshot");
        Assert.Equal(0, viewer.Shown.Frame);

        viewer.Press(Keys.G); // HUD off: every viewport pixel is the field's
        viewer.Press(Keys.N);
        viewer.RunUntil(v => v.Shown.Frame == 1, "a single step (N)");
        viewer.Press(Keys.Right);
        viewer.RunUntil(v => v.Shown.Frame == 2, "a single step (Right)");
        Assert.True(viewer.Shown.Paused);

        uint[] pixels = PresentAndCapture(viewer);
        Assert.True(pixels.Distinct().Count() > 20, "the picture is (nearly) blank");
        AssertExtremesDrawn(viewer.Shown, pixels, 320, 240, expectMapEnds: true);

        // Paused means paused: many window frames later the simulation has not moved.
        for (int i = 0; i < 50; i++) viewer.RunFrame();
        Assert.Equal(2, viewer.Simulation.FramesRun);

        viewer.Press(Keys.Space);
        viewer.RunUntil(v => v.Shown.Frame >= 4 && !v.Shown.Paused, "resuming (Space)");
        viewer.Press(Keys.Space);
        viewer.Press(Keys.R);
        viewer.RunUntil(v => v.Shown.Frame == 0 && v.Shown.Paused, "reset (R)");
        Assert.Null(viewer.Shown.Error);

        viewer.Dispose();
        Assert.Empty(viewer.Context.ValidationMessages);
    }

    [Fact]
    public void Scene3D_CyclesToPressure_AndDrawsTheMidSliceWithItsColours()
    {
        using ViewerApp viewer = ViewerHarness.Open(ViewerHarness.Scene("smoke-obstacle-3d"), 256, 256);
        viewer.RunUntil(v => v.Shown.FieldShape.Length == 3, "the first snapshot");
        viewer.Press(Keys.G);
        viewer.Press(Keys.N);
        viewer.RunUntil(v => v.Shown.Frame == 1, "a single step");
        int cycles = 0;
        while (viewer.Shown.FieldName != "pressure")
        {
            Assert.True(++cycles <= viewer.Shown.FieldNames.Count, $"no pressure field among {string.Join(", ", viewer.Shown.FieldNames)}");
            string before = viewer.Shown.FieldName;
            viewer.Press(Keys.F);
            viewer.RunUntil(v => v.Shown.FieldName != before, "the next field (F)");
        }

        Assert.Equal(1, viewer.Shown.Frame); // cycling fields re-publishes, it does not step
        uint[] pixels = PresentAndCapture(viewer);
        Assert.True(pixels.Distinct().Count() > 20, "the picture is (nearly) blank");
        AssertExtremesDrawn(viewer.Shown, pixels, 256, 256, expectMapEnds: false);

        // Mouse input drives the 3D camera state the renderer reads.
        var before3D = viewer.View;
        viewer.HandleInput([
            new InputEvent(InputEventKind.CursorMove, X: 100, Y: 100),
            new InputEvent(InputEventKind.MouseButton, Keys.MouseLeft, KeyAction.Press),
            new InputEvent(InputEventKind.CursorMove, X: 150, Y: 90),
            new InputEvent(InputEventKind.MouseButton, Keys.MouseLeft, KeyAction.Release),
            new InputEvent(InputEventKind.Scroll, Y: 2),
        ]);
        Assert.Equal(before3D.Yaw + 0.5, viewer.View.Yaw, 12);
        Assert.Equal(before3D.Pitch - 0.1, viewer.View.Pitch, 12);
        Assert.Equal(before3D.Distance * 0.81, viewer.View.Distance, 12);

        viewer.Dispose();
        Assert.Empty(viewer.Context.ValidationMessages);
    }

    [Fact]
    public void Hud_IsBlendedOverTheViewport_HelpAddsToIt_AndScreenshotWritesThePng()
    {
        string directory = Directory.CreateTempSubdirectory("physml-viewer-").FullName;
        try
        {
            using ViewerApp viewer = ViewerHarness.Open(ViewerHarness.Scene("heat-plate"), screenshots: directory);
            viewer.RunUntil(v => v.Shown.FieldName == "temperature", "the first snapshot");
            viewer.Press(Keys.G);
            viewer.RunFrame();
            uint[] bare = PresentAndCapture(viewer);
            viewer.Press(Keys.G);
            viewer.RunFrame();
            uint[] withHud = PresentAndCapture(viewer);
            viewer.Press(Keys.H);
            viewer.RunFrame();
            uint[] withHelp = PresentAndCapture(viewer);

            int hudPixels = bare.Zip(withHud).Count(p => p.First != p.Second);
            int helpPixels = bare.Zip(withHelp).Count(p => p.First != p.Second);
            // The status panel alone covers well over 2 % of a 320×240 window; the help panel adds more.
            Assert.True(hudPixels > bare.Length / 50, $"the HUD changed only {hudPixels} pixels");
            Assert.True(helpPixels > hudPixels, $"help changed {helpPixels} pixels, no more than the HUD's {hudPixels}");

            viewer.Press(Keys.P);
            viewer.RunFrame();
            Assert.NotNull(viewer.LastScreenshot);
            Assert.Equal(directory, Path.GetDirectoryName(viewer.LastScreenshot));
            using SKBitmap png = SKBitmap.Decode(viewer.LastScreenshot);
            Assert.Equal((320, 240), (png.Width, png.Height));
            viewer.Dispose();
            Assert.Empty(viewer.Context.ValidationMessages);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void RunWithCaptureAt_TakesTheScreenshotAtThatFrame_AndCloses()
    {
        string directory = Directory.CreateTempSubdirectory("physml-viewer-").FullName;
        try
        {
            using var viewer = DisplayRetry.Open(() => new ViewerApp(ViewerHarness.Scene("heat-plate"),
                new ViewerOptions(320, 240, VSync: false, ScreenshotDirectory: directory, Visible: false, EnableValidation: true)));
            viewer.Run(captureAtFrame: 3);
            Assert.True(viewer.Window.ShouldClose);
            Assert.NotNull(viewer.LastScreenshot);
            Assert.StartsWith("heat-plate-frame", Path.GetFileName(viewer.LastScreenshot));
            Assert.True(viewer.Shown.Frame >= 3);
            viewer.Dispose();
            Assert.Empty(viewer.Context.ValidationMessages);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void PluginThrowingMidRun_ShowsTheCodedErrorAndPauses_AndResetRecovers()
    {
        Func<Scenes.Loading.LoadedScene> heat = ViewerHarness.Scene("heat-plate");
        int loads = 0;
        Scenes.Loading.LoadedScene LoadWithBomb()
        {
            var scene = heat();
            // Only the first load explodes (at its second frame), so R must bring back a working run.
            if (++loads == 1)
            {
                scene.App.AddSystem(Core.Application.Stage.Update, "test.explode", world =>
                {
                    if (world.Resource<Core.Application.Time>().Frame >= 2) throw new InvalidOperationException("boom at frame 2");
                });
            }

            return scene;
        }

        using ViewerApp viewer = ViewerHarness.Open(LoadWithBomb);
        viewer.RunUntil(v => v.Shown.FieldName == "temperature", "the first snapshot");
        viewer.Press(Keys.Space);
        viewer.RunUntil(v => v.Shown.Error is not null, "the plugin error");
        Assert.Contains("boom at frame 2", viewer.Shown.Error);
        Assert.Contains(Core.Errors.ErrorCodes.SystemFailed, viewer.Shown.Error); // the App's coded wrapper, PML0007
        Assert.True(viewer.Shown.Paused);
        long frames = viewer.Simulation.FramesRun;
        for (int i = 0; i < 20; i++) Assert.True(viewer.RunFrame()); // the window lives on, the simulation stays put
        Assert.Equal(frames, viewer.Simulation.FramesRun);

        viewer.Press(Keys.R);
        viewer.RunUntil(v => v.Shown.Error is null && v.Shown.Frame == 0, "reset after the error");
        viewer.Press(Keys.Space);
        viewer.RunUntil(v => v.Shown.Frame >= 3, "running past the old failure");
        viewer.Dispose();
        Assert.Empty(viewer.Context.ValidationMessages);
    }

    [Fact]
    public void FailingSimulation_ShowsItsErrorAndPauses_WithoutClosingTheWindow()
    {
        using ViewerApp viewer = ViewerHarness.Open(() => throw new InvalidOperationException("plugin exploded"));
        viewer.RunUntil(v => v.Shown.Error is not null, "the error snapshot");
        Assert.Contains("plugin exploded", viewer.Shown.Error);
        Assert.True(viewer.Shown.Paused);
        viewer.Press(Keys.Space);
        for (int i = 0; i < 20; i++) Assert.True(viewer.RunFrame());
        viewer.Press(Keys.Escape);
        Assert.False(viewer.RunFrame());
        viewer.Dispose();
        Assert.Empty(viewer.Context.ValidationMessages);
    }
}
