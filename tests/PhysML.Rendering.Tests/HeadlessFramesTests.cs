using PhysML.Core.Diagnostics;
using PhysML.Fluids;
using PhysML.Gpu;
using PhysML.Scenes.Loading;

namespace PhysML.Rendering.Tests;

[Collection(RenderCollection.Name)]
public sealed class HeadlessFramesTests
{
    [Fact]
    public void A_3D_scene_renders_headless_with_its_density_volume_and_obstacle_extracted_beside_the_shown_field()
    {
        using var temp = new TempFolder();
        var loaded = new SceneLoader(PluginCatalog.FromAssemblies(typeof(FluidPlugin).Assembly)).Load(Path.Combine(AppContext.BaseDirectory, "reference", "smoke-3d-small.scene.json"));
        using var app = loaded.App;
        HeadlessFrames.Prepare(app, "temperature");
        var options = new HeadlessRenderOptions(96, 64) { Field = "temperature" };
        IReadOnlyList<string> messages;
        using (var frames = new HeadlessFrames(app, options, VulkanDeviceOptions.Validated))
        {
            app.Startup();
            // What extraction copies for a 3D field: the field, the smoke volume and the solid mask.
            var snapshot = RenderSnapshot.Extract(app.World.Resource<FieldCatalog>(), 0, 0, ["temperature"]);
            Assert.Equal(new[] { 16, 16, 16 }, snapshot.Find("density")!.Shape);
            Assert.True(snapshot.Solid!.Max == 1, "the sphere is in the solid mask");

            frames.WriteFrame(0, Path.Combine(temp.Path, "000000.png"));
            for (var f = 0; f < 3; f++) app.RunFrame(1);
            frames.WriteFrame(3, Path.Combine(temp.Path, "000003.png"));
            Assert.Null(frames.Complete(temp.Path)); // no video asked for
            messages = frames.ValidationMessages;
        }
        Assert.Empty(messages);
        var (first, width, height) = PngImage.Read(Path.Combine(temp.Path, "000000.png"));
        var (last, _, _) = PngImage.Read(Path.Combine(temp.Path, "000003.png"));
        Assert.Equal((96, 64), (width, height));
        // The hot smoke warms the slice and the clock in the legend moves on: the frames differ.
        Assert.True(first.Zip(last).Count(p => p.First != p.Second) > 50, "frame 3 looks like frame 0");
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("physml-render-").FullName;
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
