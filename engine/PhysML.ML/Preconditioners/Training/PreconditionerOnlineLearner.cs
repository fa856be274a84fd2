using PhysML.Core.Checkpoints;
using PhysML.ML.Training;
using PhysML.Solvers;
using PhysML.Solvers.Learned;

namespace PhysML.ML.Preconditioners.Training;

/// <summary>
/// The learned preconditioner as an online learner: its working network trains on the samples' systems with the
/// unrolled-PCG loss, and a snapshot is scored by its mean DCDM iterations on held-out samples (the lower, the better).
/// A checkpoint carries its working weights and the trainer's Adam state and step counts.
/// </summary>
public sealed class PreconditionerOnlineLearner : IOnlineLearner<PressureSample, PreconditionerSnapshot>, ICheckpointable
{
    private readonly PreconditionerNetwork _network;
    private readonly PreconditionerTrainer _trainer;
    private readonly double _tolerance;
    private readonly int _startVersion;

    /// <param name="start">The weights to start from (copied).</param>
    /// <param name="learningRate">Adam's learning rate.</param>
    /// <param name="tolerance">The tolerance held-out solves are scored at.</param>
    public PreconditionerOnlineLearner(PreconditionerSnapshot start, double learningRate, double tolerance)
    {
        _network = start.ToNetwork();
        _startVersion = start.Version;
        _trainer = new PreconditionerTrainer(_network, learningRate);
        WarmUp(start.Dimensions);
        _tolerance = tolerance;
    }

    /// <summary>The unrolled PCG steps of the loss: fewer than offline (6), since a round must fit beside a running scene.</summary>
    public const int UnrolledSteps = 4;

    public double Train(IReadOnlyList<PressureSample> samples, int steps, Random random)
    {
        // One training system per operator, its right-hand sides the samples' (unit norm).
        var systems = samples.GroupBy(s => s.A, ReferenceEqualityComparer.Instance)
            .Select(g => new TrainingSystem((IPoissonStencil)g.Key!, g.Select(s => TrainingSystem.Normalised(s.B)).ToArray(), "online")).ToArray();
        var losses = _trainer.Train(systems, new PreconditionerTrainingOptions
        {
            Steps = steps, BatchSize = 2, Seed = random.Next(), UnrolledSteps = UnrolledSteps,
        });
        return losses.Average();
    }

    /// <summary>Versions count on from the starting model's: adoption n of a version-1 checkpoint is version 1 + n.</summary>
    // libtorch's first backward pass allocates its autograd engine and kernels: measured as a 3x frame spike when it
    // happened on the training thread mid-scene. One step on a tiny system here moves it to the scene's start-up.
    // The step's update is undone by copying the starting weights back.
    private void WarmUp(int dimensions)
    {
        var start = PreconditionerSnapshot.Of(_network, 0);
        var a = RandomObstacleSystems.Create(dimensions, 8, seed: 0);
        var b = RandomObstacleSystems.RightHandSide(a, 0);
        using (var warm = new PreconditionerTrainer(_network, 1e-12))
            warm.Train([new TrainingSystem(a, [b], "warm-up")], new PreconditionerTrainingOptions { Steps = 1, BatchSize = 1, UnrolledSteps = UnrolledSteps });
        start.CopyTo(_network);
    }

    public PreconditionerSnapshot Snapshot(int version) => PreconditionerSnapshot.Of(_network, _startVersion + version);

    public double Score(PreconditionerSnapshot snapshot, IReadOnlyList<PressureSample> heldOut)
    {
        if (!snapshot.IsFinite) return double.PositiveInfinity;
        // One thread: validation runs beside the scene, which keeps the other cores.
        var model = snapshot.ToNetwork().ToModel(snapshot.Version);
        try
        {
            return PreconditionerValidation.MeanIterations(model, heldOut.Select(s => (s.A, s.B)).ToArray(), _tolerance).MeanIterations;
        }
        finally
        {
            (model as IDisposable)?.Dispose();
        }
    }

    public void WriteCheckpoint(BinaryWriter writer)
    {
        PreconditionerSnapshot.Of(_network, 0).Write(writer);
        _trainer.WriteCheckpoint(writer);
    }

    public void ReadCheckpoint(BinaryReader reader)
    {
        PreconditionerSnapshot.Read(reader, _network.Architecture, _network.Dimensions).CopyTo(_network);
        _trainer.ReadCheckpoint(reader);
    }

    public void Dispose()
    {
        _trainer.Dispose();
        _network.Dispose();
    }
}
