using System.Diagnostics;
using PhysML.Core.Diagnostics;
using PhysML.Pde;
using PhysML.Scenes.Loading;

namespace PhysML.Pde.Tests;

/// <summary>scenes/{wave-2d,burgers-1d,burgers-2d,poisson-2d}.scene.json load with these plugins and run their default
/// frames quickly.</summary>
public class SceneTests
{
    private static LoadedScene Load(string file) =>
        new SceneLoader(PluginCatalog.FromAssemblies(typeof(WavePlugin).Assembly))
            .Load(Path.Combine(AppContext.BaseDirectory, "scenes", file));

    private static (FrameMetrics Metrics, TimeSpan Elapsed) RunAll(LoadedScene scene)
    {
        var clock = Stopwatch.StartNew();
        for (var f = 0; f < scene.File.Time.Frames; f++) scene.App.RunFrame(scene.File.Time.StepsPerFrame);
        return (scene.App.World.Resource<FrameMetrics>(), clock.Elapsed);
    }

    // The README promises "< 2 s" on a quiet machine; the bound here leaves room for a loaded CI runner.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    [Fact]
    public void The_wave_scene_conserves_energy_over_its_frames()
    {
        var scene = Load("wave-2d.scene.json");
        scene.App.RunFrame(scene.File.Time.StepsPerFrame);
        var energy = scene.App.World.Resource<FrameMetrics>().TryGet("wave.energy", out var e0) ? e0 : double.NaN;

        var (metrics, elapsed) = RunAll(scene);

        Assert.True(elapsed < Budget, $"{elapsed}");
        Assert.True(metrics.TryGet("wave.energy", out var e1));
        Assert.Equal(energy, e1, energy * 1e-10);
        Assert.True(metrics.TryGet("wave.max_abs", out var max) && max is > 0.02 and < 0.3);
        Assert.Equal("displacement", scene.File.Output.Display);
    }

    [Fact]
    public void The_burgers_1D_scene_forms_a_shock_and_conserves_momentum()
    {
        var scene = Load("burgers-1d.scene.json");

        var (metrics, elapsed) = RunAll(scene);

        Assert.True(elapsed < Budget, $"{elapsed}");
        Assert.True(metrics.TryGet("burgers.momentum", out var momentum) && Math.Abs(momentum) < 1e-12);
        Assert.True(metrics.TryGet("burgers.courant", out var courant) && courant <= 1);
        var u = scene.App.World.Resource<FieldCatalog>().Find("u")!.Read().Span;
        // A shock at x = 1 (cells 255 | 256): u jumps from about +0.6 to −0.6 across a few cells.
        Assert.True(u[250] > 0.4 && u[261] < -0.4, $"u[250] = {u[250]}, u[261] = {u[261]}");
    }

    [Fact]
    public void The_burgers_2D_scene_runs_its_frames()
    {
        var scene = Load("burgers-2d.scene.json");

        var (metrics, elapsed) = RunAll(scene);

        Assert.True(elapsed < Budget, $"{elapsed}");
        Assert.True(metrics.TryGet("burgers.courant", out var courant) && courant <= 1);
        Assert.True(metrics.TryGet("burgers.max_speed", out var speed) && speed is > 0.3 and <= 1.2);
    }

    [Fact]
    public void The_poisson_scene_solves_once()
    {
        var scene = Load("poisson-2d.scene.json");

        var (metrics, elapsed) = RunAll(scene);

        Assert.True(elapsed < Budget, $"{elapsed}");
        Assert.True(metrics.TryGet("poisson.residual", out var residual) && residual <= 1e-10);
        Assert.True(metrics.TryGet("poisson.max", out var max) && max is > 0.5 and < 1.5, $"max {max}");
        Assert.True(metrics.TryGet("poisson.min", out var min) && min is < -0.3 and > -1.5, $"min {min}");
    }
}
