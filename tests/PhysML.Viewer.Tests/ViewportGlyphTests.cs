using PhysML.Rendering;
using PhysML.Viewer.Input;
using PhysML.Viewer.Rendering;
using PhysML.Viewer.Viewing;

namespace PhysML.Viewer.Tests;

/// <summary>
/// Velocity glyphs in the window (2D): the viewer's snapshot carries the scene's cell-centred velocity, the viewport
/// draws the renderer's arrows over the field, and A turns them off. Where the arrows are drawn is checked against the
/// velocity itself: every block of cells whose speed is well above the arrow threshold gets arrow pixels, and the
/// changed pixels lie in blocks that are fast enough to have an arrow.
/// </summary>
[Collection(WindowCollection.Name)]
public sealed class ViewportGlyphTests
{
    private const int Width = 320, Height = 240, GlyphCells = 16; // RenderView.GlyphSpacing's default

    [Fact]
    public void A_flow_scene_shows_arrows_where_the_velocity_is_large_and_A_hides_them()
    {
        using var viewer = DisplayRetry.Open(() => new ViewerApp(ViewerHarness.Scene("cylinder-channel"),
            new ViewerOptions(Width, Height, VSync: false, Visible: false, EnableValidation: true, StartPaused: true),
            context => new GpuViewportRenderer(context)) { KeepFrames = true });
        viewer.StartSimulation();
        viewer.RunUntil(v => v.Shown.FieldNames.Count > 0, "the first snapshot");
        for (int frame = 1; frame <= 2; frame++)
        {
            viewer.Press(Keys.N);
            viewer.RunUntil(v => v.Shown.Frame == frame, $"step {frame} (N)");
        }

        viewer.Press(Keys.G); // HUD off: the frame is the viewport alone
        viewer.RunFrame();
        viewer.RunFrame();
        Assert.True(viewer.View.ShowGlyphs);
        uint[] withGlyphs = (uint[])viewer.LastFrame.Clone();
        viewer.Press(Keys.A);
        viewer.RunFrame();
        viewer.RunFrame();
        Assert.False(viewer.View.ShowGlyphs);
        uint[] withoutGlyphs = (uint[])viewer.LastFrame.Clone();

        CellVelocity velocity = viewer.Shown.Velocity ?? throw new Xunit.Sdk.XunitException("the viewer's snapshot carries no velocity");
        int[] shape = viewer.Shown.FieldShape;
        Assert.Equal((shape[0], shape[1]), (velocity.Ny, velocity.Nx));
        (int nx, int ny) = (velocity.Nx, velocity.Ny);
        double Speed(int i, int j) => Math.Sqrt(Math.Pow(velocity.Xy[2 * (j * nx + i)], 2) + Math.Pow(velocity.Xy[2 * (j * nx + i) + 1], 2)) / velocity.MaxSpeed;

        // field2d.comp's letterbox for square cells (the scene's are): pixels per cell, and the domain's offset.
        double scale = Math.Min(Width / (double)nx, Height / (double)ny);
        double originX = 0.5 * (Width - nx * scale), originY = 0.5 * (Height - ny * scale);
        var changedPerBlock = new Dictionary<(int Bx, int By), int>();
        int changed = 0, inFastBlocks = 0;
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                if (withGlyphs[y * Width + x] == withoutGlyphs[y * Width + x]) continue;
                double px = (x + 0.5 - originX) / scale, py = ny - (y + 0.5 - originY) / scale;
                var block = ((int)(px / GlyphCells), (int)(py / GlyphCells));
                changedPerBlock[block] = changedPerBlock.GetValueOrDefault(block) + 1;
                changed++;
                // An arrow is drawn when its block's centre cell moves at over 1/6 of the fastest (0.15 of the spacing
                // at 0.9 spacing per max speed); a little margin for anti-aliasing across a block's edge.
                (int ci, int cj) = (Math.Min(block.Item1 * GlyphCells + GlyphCells / 2, nx - 1), Math.Min(block.Item2 * GlyphCells + GlyphCells / 2, ny - 1));
                if (Speed(ci, cj) > 0.15) inFastBlocks++;
            }
        }

        Assert.True(changed > 200, $"only {changed} pixels differ with glyphs on");
        Assert.True(inFastBlocks >= 0.95 * changed, $"{changed - inFastBlocks} of {changed} arrow pixels lie where the flow is slow");
        // Every interior block whose centre moves at over 30 % of the fastest shows its arrow (the cylinder's block has none).
        for (int by = 0; (by + 1) * GlyphCells <= ny; by++)
        {
            for (int bx = 0; (bx + 1) * GlyphCells <= nx; bx++)
            {
                if (Speed(bx * GlyphCells + GlyphCells / 2, by * GlyphCells + GlyphCells / 2) < 0.3) continue;
                if (viewer.Shown.Solid.Length > 0 && viewer.Shown.Solid[(by * GlyphCells + GlyphCells / 2) * nx + bx * GlyphCells + GlyphCells / 2] > 0.5) continue;
                Assert.True(changedPerBlock.GetValueOrDefault((bx, by)) > 5, $"the block ({bx}, {by}) is fast but shows no arrow");
            }
        }

        viewer.Dispose();
        Assert.Empty(viewer.Context.ValidationMessages);
    }

    [Fact]
    public void Dragging_right_or_down_pans_the_camera_so_the_picture_follows_and_the_view_carries_the_pan()
    {
        ViewState panned = ViewState.Initial.Pan(dx: 30, dy: 0, viewportHeight: 240).Pan(dx: 0, dy: 20, viewportHeight: 240);
        Assert.True(panned.PanX < 0, "a drag to the right must move the eye left, so the picture moves right");
        Assert.True(panned.PanY > 0, "a drag down must move the eye up, so the picture moves down");
        // The picture follows the cursor: a viewport height spans 2·tan(fov/2)·distance domain lengths at the target.
        double perPixel = ViewState.Initial.Distance * 2 * Math.Tan(OrbitCamera.Default.FieldOfView * Math.PI / 360) / 240;
        Assert.Equal(-30 * perPixel, panned.PanX, 12);
        Assert.Equal(20 * perPixel, panned.PanY, 12);
        var snapshot = new Simulation.ViewerSnapshot { FieldName = "density", FieldShape = [4, 4, 4], Values = new double[64] };
        Assert.Equal((panned.PanX, panned.PanY), GpuViewportRenderer.ToRenderView(snapshot, panned).Camera.Pan);
    }
}
