using PhysML.Core.Diagnostics;
using PhysML.DiffusionSorption;
using PhysML.Scenes.Loading;

namespace PhysML.DiffusionSorption.Tests;

/// <summary>scenes/diffusion-sorption-1d.scene.json loads with this plugin, states PDEBench's set-up, and runs.</summary>
public class SceneTests
{
    private static LoadedScene Load() =>
        new SceneLoader(PluginCatalog.FromAssemblies(typeof(DiffusionSorptionPlugin).Assembly))
            .Load(Path.Combine(AppContext.BaseDirectory, "scenes", "diffusion-sorption-1d.scene.json"));

    [Fact]
    public void The_scene_is_PDEBench_101_samples_to_500_s_with_default_parameters()
    {
        var scene = Load();

        Assert.Equal(500.0, scene.File.Time.Dt * scene.File.Time.StepsPerFrame * scene.File.Time.Frames, 12);
        Assert.Equal(100, scene.File.Time.Frames);
        Assert.Equal(new[] { "u" }, scene.File.Output.Dump);
        var rods = scene.App.World.GetEntities(new PhysML.Core.Ecs.QueryDescription().WithAll<DiffusionSorptionRod>());
        Assert.Equal(new DiffusionSorptionRod(), scene.App.World.Get<DiffusionSorptionRod>(Assert.Single(rods)));
    }

    [Fact]
    public void The_scene_runs_three_frames()
    {
        var scene = Load();

        scene.App.RunFrame(scene.File.Time.StepsPerFrame);
        scene.App.RunFrame(scene.File.Time.StepsPerFrame);
        scene.App.RunFrame(scene.File.Time.StepsPerFrame);

        var metrics = scene.App.World.Resource<FrameMetrics>();
        Assert.True(metrics.TryGet("ds.max", out var max) && max is > 0.5 and <= 1);
        Assert.True(metrics.TryGet("ds.min", out var min) && min >= 0);
        Assert.Equal(1024, scene.App.World.Resource<FieldCatalog>().Find("u")!.Length);
    }
}
