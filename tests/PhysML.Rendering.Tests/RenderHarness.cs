using PhysML.Gpu;

namespace PhysML.Rendering.Tests;

/// <summary>Renders snapshots on a validated lavapipe device and gives pixel access; Dispose checks the device is
/// torn down, and <see cref="ValidationMessages"/> is read after it.</summary>
internal sealed class RenderHarness : IDisposable
{
    public RenderHarness(int width, int height)
    {
        Context = new VulkanContext(VulkanDeviceOptions.Validated);
        Renderer = new FrameRenderer(Context);
        Target = new RenderTarget(Context, width, height);
    }

    public VulkanContext Context { get; }
    public FrameRenderer Renderer { get; }
    public RenderTarget Target { get; }
    public IReadOnlyList<string> ValidationMessages => Context.ValidationMessages;

    public Image Render(RenderSnapshot snapshot, RenderView view)
    {
        Renderer.Render(snapshot, view, Target);
        return new Image(Target.ReadPixels(), Target.Width, Target.Height);
    }

    public void Dispose() => Context.Dispose(); // disposes the renderer and target with it, in reverse order
}

/// <summary>RGBA8 pixels, top row first.</summary>
internal sealed record Image(byte[] Rgba, int Width, int Height)
{
    public (int R, int G, int B) At(int x, int y)
    {
        var o = (y * Width + x) * 4;
        return (Rgba[o], Rgba[o + 1], Rgba[o + 2]);
    }

    public int DistinctColours() => Enumerable.Range(0, Width * Height).Select(i => At(i % Width, i / Width)).Distinct().Count();

    public static int Distance((int R, int G, int B) a, (int R, int G, int B) b) =>
        Math.Max(Math.Abs(a.R - b.R), Math.Max(Math.Abs(a.G - b.G), Math.Abs(a.B - b.B)));
}
