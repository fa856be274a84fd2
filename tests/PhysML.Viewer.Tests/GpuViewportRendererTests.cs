using PhysML.Rendering;
using PhysML.Viewer.Input;
using PhysML.Viewer.Rendering;

namespace PhysML.Viewer.Tests;

/// <summary>
/// The window drawing with the engine's Vulkan renderer (what <c>physml view</c> uses by default): the picture the
/// window shows is exactly what <see cref="FrameRenderer"/> renders offscreen for the same snapshot and view, for a
/// 2D field and for a 3D smoke volume, with the validation layer silent. The renderer's own picture (colormap
/// extremes, obstacles, smoke) is checked in PhysML.Rendering.Tests; this checks the hand-over and the copy.
/// </summary>
[Collection(WindowCollection.Name)]
public sealed class GpuViewportRendererTests
{
    [Theory]
    [InlineData("heat-plate", "temperature")]
    [InlineData("smoke-obstacle-3d", "density")]
    public void Window_ShowsTheRenderersOffscreenPicture(string scene, string field)
    {
        const int width = 160, height = 120;
        using var viewer = DisplayRetry.Open(() => new ViewerApp(ViewerHarness.Scene(scene),
            new ViewerOptions(width, height, VSync: false, Visible: false, EnableValidation: true, StartPaused: true),
            context => new GpuViewportRenderer(context)) { KeepFrames = true });
        viewer.StartSimulation();
        viewer.RunUntil(v => v.Shown.FieldNames.Count > 0, "the first snapshot");
        for (int i = 0; i < viewer.Shown.FieldNames.Count && viewer.Shown.FieldName != field; i++)
        {
            viewer.Window.Input.Enqueue(InputEvent.KeyPress(Keys.F));
            string before = viewer.Shown.FieldName;
            viewer.RunUntil(v => v.Shown.FieldName != before, "the next field (F)");
        }

        Assert.Equal(field, viewer.Shown.FieldName);
        // A few steps, so the field is not its uniform initial state (cold plate, no smoke yet).
        for (int frame = 1; frame <= 3; frame++)
        {
            viewer.Window.Input.Enqueue(InputEvent.KeyPress(Keys.N));
            viewer.RunUntil(v => v.Shown.Frame == frame, $"step {frame} (N)");
        }

        viewer.Window.Input.Enqueue(InputEvent.KeyPress(Keys.G)); // HUD off: the frame is the viewport alone
        viewer.RunFrame();
        viewer.RunFrame();
        uint[] shown = viewer.LastFrame;
        Assert.Equal(width * height, shown.Length);
        Assert.True(shown.Distinct().Count() > 3, "the window's picture is (nearly) blank");

        using var renderer = new FrameRenderer(viewer.Context);
        using var target = new RenderTarget(viewer.Context, width, height);
        renderer.Render(GpuViewportRenderer.ToRenderSnapshot(viewer.Shown), GpuViewportRenderer.ToRenderView(viewer.Shown, viewer.View), target);
        byte[] offscreen = target.ReadPixels();
        uint[] expected = new uint[width * height];
        Buffer.BlockCopy(offscreen, 0, expected, 0, offscreen.Length);
        Assert.Equal(expected, shown);

        viewer.Dispose();
        Assert.Empty(viewer.Context.ValidationMessages);
    }
}
