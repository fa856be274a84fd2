using PhysML.Core.Application;
using PhysML.Core.Diagnostics;
using PhysML.Gpu;
using PhysML.Scenes.Loading;
using PhysML.Scenes.Running;
using Xunit.Abstractions;

namespace PhysML.Cli.Tests;

/// <summary>
/// Online training with <c>--backend vulkan</c> (lavapipe, validation layer on): the learned V-cycle solves on the GPU
/// while the trainer learns from the (A, b) the fluid step has on the CPU, an adopted model's damping is re-uploaded at
/// a frame boundary, and frame by frame the GPU run adopts the same model versions as the CPU run and takes the same
/// iterations (±1: float rounding on the GPU may move the stop by one; DCDM with a fixed SPD V-cycle is PCG).
/// </summary>
public class VulkanOnlineTrainingTests(ITestOutputHelper output)
{
    // OnlineTrainingSceneTests' deterministic scene, 8 frames: rounds at frames 2, 4, 6 and 8.
    private static string Scene(TempDirectory temp) => OnlineTrainingSceneTests.Scene(temp, frames: 8);

    private sealed record Frame(double Iterations, double Version, double Divergence);

    private static (List<Frame> Frames, RunWarnings Warnings, string Used) Run(string scene, string backend, GpuDevice? device)
    {
        var loaded = new SceneLoader(BuiltInPlugins.Catalog()).Load(scene);
        if (device is not null) loaded.App.World.SetResource(device);
        var runner = new SceneRunner(loaded, new RunOptions { Frames = 0, Backend = backend });
        using var app = runner.App;
        var frames = new List<Frame>();
        for (var i = 0; i < 8; i++)
        {
            app.RunFrame(1);
            var metrics = app.World.Resource<FrameMetrics>();
            double Get(string key) => metrics.TryGet(key, out var v) ? v : double.NaN;
            frames.Add(new Frame(Get("solve.iterations"), Get("model.version"), Get("fluid.relative_divergence")));
        }
        return (frames, app.World.Resource<RunWarnings>(), app.World.Resource<ComputeBackend>().Used);
    }

    [Fact]
    public void Deterministic_online_training_on_Vulkan_adopts_models_and_matches_the_CPU_iterations()
    {
        using var temp = new TempDirectory();
        var scene = Scene(temp);
        var cpu = Run(scene, "cpu", null);
        var device = new GpuDevice(VulkanDeviceOptions.Validated);
        var gpu = Run(scene, "vulkan", device);

        Assert.Equal("vulkan", gpu.Used);
        Assert.DoesNotContain(gpu.Warnings.Messages, m => m.Contains("on the CPU"));
        for (var frame = 0; frame < cpu.Frames.Count; frame++)
        {
            var (c, g) = (cpu.Frames[frame], gpu.Frames[frame]);
            output.WriteLine($"frame {frame + 1}: CPU {c.Iterations} it (model {c.Version}), Vulkan {g.Iterations} it (model {g.Version})");
            Assert.Equal(c.Version, g.Version);
            Assert.InRange(g.Iterations, c.Iterations - 1, c.Iterations + 1);
            Assert.True(g.Divergence < 1e-4, $"frame {frame + 1}: relative divergence {g.Divergence}");
        }
        Assert.True(gpu.Frames[^1].Version >= 2, "the Vulkan run adopted no model");
        var context = device.Context!;
        Assert.True(context.IsDisposed); // the app owned the device and released it
        Assert.Empty(context.ValidationMessages);
    }
}
