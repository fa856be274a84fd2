using System.Text.Json;
using PhysML.Gpu.ML;
using PhysML.Solvers.Learned;

namespace PhysML.Cli.Tests;

/// <summary>
/// A fluid scene whose pressure model is a residual network (coarse16) on <c>--backend vulkan</c>: the network runs
/// in our own kernels inside the GPU DCDM loop (no "runs on the CPU" warning), converges every frame, and the run
/// matches the same scene on the CPU backend (TorchSharp network, double-precision DCDM).
/// </summary>
public class VulkanLearnedPressureSceneTests(Xunit.Abstractions.ITestOutputHelper output)
{
    // A 2D closed tank as in LearnedPressureSceneTests.
    private static string Scene(TempDirectory temp, string model) => temp.File("tank.scene.json", $$"""
        {
          "name": "tank", "plugins": ["fluid", "learnedPressure"],
          "time": { "dt": 0.02, "frames": 3 },
          "entities": [
            { "name": "tank", "components": { "fluidDomain": {
                "nx": 32, "ny": 32, "cellSize": 0.03125,
                "buoyancy": { "densityFactor": 0.5 },
                "pressureModel": {{JsonSerializer.Serialize(model)}} } } },
            { "name": "source", "components": { "smokeEmitter": { "x": 0.5, "y": 0.15, "radius": 0.08, "densityRate": 2 } } },
            { "name": "block", "components": { "boxObstacle": { "x": 0.4, "y": 0.5, "width": 0.2, "height": 0.1 } } }
          ]
        }
        """);

    [Fact]
    public void A_coarse16_model_solves_the_pressure_on_Vulkan_like_on_the_CPU()
    {
        using var temp = new TempDirectory();
        var model = temp.Sub("coarse16-2d.ckpt");
        WriteNearIdentityModel(model);
        var scene = Scene(temp, model);
        var runs = new[] { "cpu", "vulkan" }.Select(backend =>
        {
            var run = CliRun.Of("run", scene, "--out", temp.Sub(backend), "--backend", backend, "--dump", "pressure", "--dump-every", "1", "--image-every", "0");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.DoesNotContain("runs on the CPU", run.Error + run.Output);
            return temp.Sub(backend);
        }).ToArray();

        var metrics = runs.Select(run => File.ReadAllLines(Path.Combine(run, "metrics.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToArray()).ToArray();
        Assert.Equal(3, metrics[1].Length);
        for (var frame = 0; frame < 3; frame++)
        {
            var (cpu, gpu) = (metrics[0][frame], metrics[1][frame]);
            Assert.Equal(0, gpu.GetProperty("solve.fallbacks").GetInt32());
            Assert.Equal(1, gpu.GetProperty("model.version").GetInt32());
            // Same method, same directions to ~1e-7: float rounding may move the stop by a few iterations.
            var (cpuIterations, gpuIterations) = (cpu.GetProperty("solve.iterations").GetDouble(), gpu.GetProperty("solve.iterations").GetDouble());
            output.WriteLine($"frame {frame}: CPU {cpuIterations} it, Vulkan {gpuIterations} it");
            Assert.InRange(gpuIterations, 0.8 * cpuIterations - 2, 1.2 * cpuIterations + 2);
            Assert.True(gpu.GetProperty("fluid.relative_divergence").GetDouble() < 1e-4);
        }
        // Pressure to the solve tolerance (1e-6) amplified by the conditioning, after three frames of float rounding.
        var cpuPressure = NpyFile.Read(Directory.GetFiles(Path.Combine(runs[0], "fields"), "pressure_*3.npy").Single()).Values;
        var gpuPressure = NpyFile.Read(Directory.GetFiles(Path.Combine(runs[1], "fields"), "pressure_*3.npy").Single()).Values;
        var (difference, norm) = (0.0, 0.0);
        for (var c = 0; c < cpuPressure.Length; c++) (difference, norm) = (difference + Math.Pow(gpuPressure[c] - cpuPressure[c], 2), norm + cpuPressure[c] * cpuPressure[c]);
        output.WriteLine($"pressure after 3 frames: relative difference {Math.Sqrt(difference / norm):E2}");
        Assert.InRange(Math.Sqrt(difference / norm), 0, 1e-3);
    }

    /// <summary>
    /// coarse16 2D weights without libtorch: small seeded values everywhere plus a path that passes the residual
    /// through (relu(r) − relu(−r) = r), so DCDM behaves like CG and converges in tens of iterations on any system; an
    /// untrained network would not converge at all, and training one takes minutes.
    /// </summary>
    internal static void WriteNearIdentityModel(string path)
    {
        var random = new Random(17);
        var layers = DirectionNetworkArchitecture.Layers(DirectionNetworkArchitecture.Coarse16);
        var tensors = new List<CheckpointTensor>();
        var values = new List<float[]>();
        foreach (var layer in layers)
        {
            var shape = layer.WeightShape(2);
            var weight = new float[shape.Aggregate(1L, (a, b) => a * b)];
            for (var i = 0; i < weight.Length; i++) weight[i] = (float)(0.004 * (random.NextDouble() - 0.5));
            var centre = (int output, int input) => (output * layer.InputChannels + input) * 9 + 4;
            if (layer.Name == "_fine1") { weight[centre(0, 0)] += 1; weight[centre(1, 0)] -= 1; }
            if (layer.Name == "_fine2") { weight[centre(0, 0)] += 1; weight[centre(0, 1)] -= 1; }
            tensors.Add(new CheckpointTensor(layer.WeightName, shape));
            values.Add(weight);
            tensors.Add(new CheckpointTensor(layer.BiasName, [layer.OutputChannels]));
            values.Add(new float[layer.OutputChannels]);
        }
        ModelCheckpoint.Write(path, new CheckpointMetadata
        {
            Kind = DirectionNetworkWeights.CheckpointKind, Architecture = DirectionNetworkArchitecture.Coarse16, Dimensions = 2,
            Tensors = tensors, Command = "VulkanLearnedPressureSceneTests.WriteNearIdentityModel",
        }, values);
    }
}
