using PhysML.Gpu;
using PhysML.Gpu.Solvers;
using PhysML.ML.Preconditioners;
using PhysML.ML.Preconditioners.Training;
using PhysML.Solvers;
using PhysML.Solvers.Learned;
using PhysML.Solvers.Pressure;

namespace PhysML.ML.Tests;

/// <summary>
/// The trainable Vulkan learned V-cycle (lavapipe, validation on): it shows the trainer each system before solving,
/// and after <see cref="VulkanLearnedMultigridSolver.Adopt"/> it solves with the new model's damping, bit for bit as a
/// solver built for that model from the start (the levels are re-uploaded, not left with the old weights).
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class VulkanLearnedMultigridSolverTests
{
    private sealed class RecordingTrainer : IPressureTrainer
    {
        public int Observed;
        public void Observe(IPoissonStencil a, ReadOnlySpan<double> b) => Observed++;
        public ISearchDirectionModel? AtFrameBoundary(int frame) => null;
        public OnlineTrainingStatus Status => default;
        public void Dispose() { }
    }

    [Fact]
    public void An_adopted_model_solves_like_a_solver_built_for_it_and_every_system_reaches_the_trainer()
    {
        TorchCollection.Seeded();
        var first = (LearnedMultigridNetwork)PreconditionerNetwork.Create(LearnedMultigridNetwork.ArchitectureName, 2);
        var second = (LearnedMultigridNetwork)PreconditionerNetwork.Create(LearnedMultigridNetwork.ArchitectureName, 2);
        var system = RandomObstacleSystems.Create(2, 16, 3);
        var training = new[] { TrainingSystem.FromRitz(system, RitzVectors.Compute(system, 16, 3), 4, 3, "random-3").WithSolutions() };
        // A few steps move the second model's damping away from the uniform start, so the two V-cycles differ.
        using (var trainer = new PreconditionerTrainer(second, 1e-2))
            trainer.Train(training, new PreconditionerTrainingOptions { Steps = 5, BatchSize = 2, UnrolledSteps = 2 });

        var a = RandomObstacleSystems.Create(2, 40, 11);
        var b = CompatibleRightHandSide.Noise(a, 2);
        var options = new SolverOptions { RelativeTolerance = 1e-6, MaxIterations = 300 };
        using var context = new VulkanContext(VulkanDeviceOptions.Validated);
        var recorder = new RecordingTrainer();
        double[] adoptedX = new double[a.Size], freshX = new double[a.Size], firstX = new double[a.Size];
        using (var solver = new VulkanLearnedMultigridSolver(context, new LearnedMultigridModel(first, 1), options, first.CycleOptions) { Trainer = recorder })
        {
            solver.Solve(a, b, firstX);
            solver.Adopt(new LearnedMultigridModel(second, 2));
            Assert.Equal(2, solver.Model.Version);
            solver.Solve(a, b, adoptedX);
            solver.Training = false;
            solver.Solve(a, b, new double[a.Size]);
        }
        Assert.Equal(2, recorder.Observed); // the third solve ran with training paused
        using (var model = new LearnedMultigridModel(second, 2))
        using (var fresh = new VulkanPoissonSolver(context, PressurePreconditioner.Multigrid, options, second.CycleOptions, smootherWeights: model))
            fresh.Solve(a, b, freshX);

        Assert.Equal(freshX, adoptedX);
        Assert.NotEqual(firstX, adoptedX); // the damping did change, so the equality above says something
        context.Dispose();
        Assert.Empty(context.ValidationMessages);
    }
}
