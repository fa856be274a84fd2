using PhysML.Gpu;
using PhysML.Gpu.Solvers;
using PhysML.ML.Preconditioners;
using PhysML.ML.Preconditioners.Training;
using PhysML.Solvers;
using PhysML.Solvers.Learned;
using PhysML.Solvers.Pressure;
using Xunit.Abstractions;

namespace PhysML.ML.Tests;

/// <summary>
/// The learned V-cycle on Vulkan (lavapipe here, validation layer on) against the CPU: the GPU uploads the same levels
/// with the same learned damping, so PCG takes the same iterations (float rounding may move the stop by one) and
/// reaches the same solution. Solved to 1e-7: the float GPU iterate then differs from the CPU's by float rounding
/// (≈1e-7 × the condition-dependent amplification), well inside 1e-5.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class LearnedVulkanParityTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(2, 48)]
    [InlineData(3, 20)]
    public void The_learned_V_cycle_solves_alike_on_Vulkan_and_the_CPU(int dimensions, int n)
    {
        TorchCollection.Seeded();
        var training = Enumerable.Range(0, 2).Select(seed =>
        {
            var system = RandomObstacleSystems.Create(dimensions, 16, seed);
            return TrainingSystem.FromRitz(system, RitzVectors.Compute(system, 24, seed), 4, seed, $"random-{seed}").WithSolutions();
        }).ToArray();
        var network = (LearnedMultigridNetwork)PreconditionerNetwork.Create(LearnedMultigridNetwork.ArchitectureName, dimensions);
        // A few steps move the damping away from the uniform 0.8, so the test exercises per-cell weights.
        using (var trainer = new PreconditionerTrainer(network, 1e-3))
            trainer.Train(training, new PreconditionerTrainingOptions { Steps = 5, BatchSize = 2, UnrolledSteps = 2 });
        using var model = new LearnedMultigridModel(network, 1);

        var a = RandomObstacleSystems.Create(dimensions, n, 42);
        var b = CompatibleRightHandSide.Noise(a, 5);
        var options = new SolverOptions { RelativeTolerance = 1e-7, MaxIterations = 300 };
        var cpuX = new double[a.Size];
        var cpu = new ConjugateGradient(options).Solve(a, b, cpuX, model.CycleFor(a));

        using var context = new VulkanContext(VulkanDeviceOptions.Validated);
        double[] gpuX;
        SolveInfo gpu;
        using (var solver = new VulkanPoissonSolver(context, PressurePreconditioner.Multigrid, options,
                   network.CycleOptions, smootherWeights: model))
        {
            gpuX = new double[a.Size];
            gpu = solver.Solve(a, b, gpuX);
            Assert.Equal("pcg-mg-learned", solver.Name);
        }
        if (a.IsSingular)
            foreach (var x in new[] { cpuX, gpuX }) CompatibleRightHandSide.RemoveMean(a, x); // the null space: constants
        var error = VectorOps.RelativeError(gpuX, cpuX);
        output.WriteLine($"{dimensions}D {a.Shape}: CPU {cpu.Iterations} it, GPU {gpu.Iterations} it, solution difference {error:E2}");
        Assert.True(cpu.Converged && gpu.Converged);
        Assert.InRange(gpu.Iterations, cpu.Iterations - 1, cpu.Iterations + 1);
        Assert.InRange(error, 0, 1e-5);
        context.Dispose();
        Assert.Empty(context.ValidationMessages);
    }
}
