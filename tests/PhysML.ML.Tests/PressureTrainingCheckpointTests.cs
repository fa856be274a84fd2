using PhysML.Core.Checkpoints;
using PhysML.ML.Preconditioners;
using PhysML.ML.Preconditioners.Training;
using PhysML.ML.Training;
using PhysML.Solvers;
using PhysML.Solvers.Learned;
using PhysML.Solvers.Pressure;
using PhysML.Solvers.Pressure3D;

namespace PhysML.ML.Tests;

/// <summary>Online pressure training's checkpoint pieces: samples (operators shared as written, 2D and 3D), weight
/// snapshots, and the learner (working weights and Adam's state), each read back to continue exactly.</summary>
[Collection(TorchCollection.Name)]
public class PressureTrainingCheckpointTests
{
    private static byte[] Bytes(Action<BinaryWriter> write)
    {
        var stream = new MemoryStream();
        write(new BinaryWriter(stream));
        return stream.ToArray();
    }

    private static BinaryReader Reader(byte[] bytes) => new(new MemoryStream(bytes));

    [Fact]
    public void Samples_read_back_with_the_same_operators_shared_in_the_same_way()
    {
        IPoissonStencil a2 = RandomObstacleSystems.Create(2, 8, seed: 1), b2 = RandomObstacleSystems.Create(2, 8, seed: 2);
        var a3 = RandomObstacleSystems.Create(3, 8, seed: 3);
        PressureSample[] samples =
        [
            new(a2, RandomObstacleSystems.RightHandSide(a2, 0)), new(a3, RandomObstacleSystems.RightHandSide(a3, 1)),
            new(a2, RandomObstacleSystems.RightHandSide(a2, 2)), new(b2, RandomObstacleSystems.RightHandSide(b2, 3)),
        ];
        var writing = new PressureCheckpointFormat(CoarseDirectionNetwork.ArchitectureName, 2);
        var bytes = Bytes(w => { foreach (var s in samples) writing.WriteSample(w, s); });

        var reading = new PressureCheckpointFormat(CoarseDirectionNetwork.ArchitectureName, 2);
        using var reader = Reader(bytes);
        var read = samples.Select(_ => reading.ReadSample(reader)).ToArray();

        Assert.Equal(bytes.Length, reader.BaseStream.Position);
        Assert.Same(read[0].A, read[2].A);
        Assert.NotSame(read[0].A, read[3].A);
        for (var k = 0; k < samples.Length; k++)
        {
            Assert.Equal(samples[k].B, read[k].B);
            Assert.Equal(samples[k].A.GetType(), read[k].A.GetType());
            Assert.Equal(samples[k].A.Version, read[k].A.Version); // built once, as the copies online training makes
            Assert.True(samples[k].A.Diagonal.SequenceEqual(read[k].A.Diagonal));
            Assert.True(samples[k].A.East.SequenceEqual(read[k].A.East) && samples[k].A.North.SequenceEqual(read[k].A.North));
            Assert.True(samples[k].A.Front.SequenceEqual(read[k].A.Front));
        }
        Assert.Equal(((PressurePoisson3D)a3).Boundary, ((PressurePoisson3D)read[1].A).Boundary);
        Assert.Equal(((PressurePoisson2D)b2).Grid, ((PressurePoisson2D)read[3].A).Grid);
    }

    [Fact]
    public void A_snapshot_reads_back_bitwise_and_another_architecture_is_refused()
    {
        TorchCollection.Seeded();
        using var network = PreconditionerNetwork.Create(CoarseDirectionNetwork.ArchitectureName, 2);
        var snapshot = PreconditionerSnapshot.Of(network, 3);
        var bytes = Bytes(snapshot.Write);

        var read = PreconditionerSnapshot.Read(Reader(bytes), CoarseDirectionNetwork.ArchitectureName, 2);
        Assert.Equal(3, read.Version);
        Assert.Equal(bytes, Bytes(read.Write));
        var error = Assert.Throws<CheckpointFormatException>(() => PreconditionerSnapshot.Read(Reader(bytes), CoarseDirectionNetwork.ArchitectureName, 3));
        Assert.Contains("the checkpoint trained a coarse16 (2D), this scene loads a coarse16 (3D)", error.Message);
    }

    [Fact]
    public void A_learner_read_from_a_checkpoint_trains_on_exactly_as_the_original()
    {
        TorchCollection.Seeded();
        using var start = PreconditionerNetwork.Create(CoarseDirectionNetwork.ArchitectureName, 2);
        var initial = PreconditionerSnapshot.Of(start, 1);
        var a = RandomObstacleSystems.Create(2, 8, seed: 4);
        var samples = Enumerable.Range(0, 3).Select(k => new PressureSample(a, RandomObstacleSystems.RightHandSide(a, k))).ToArray();

        using var original = new PreconditionerOnlineLearner(initial, 1e-2, 1e-6);
        original.Train(samples, 3, new CheckpointableRandom(1));
        var checkpoint = Bytes(original.WriteCheckpoint);
        using var resumed = new PreconditionerOnlineLearner(initial, 1e-2, 1e-6);
        resumed.ReadCheckpoint(Reader(checkpoint));
        // Weights alone are not enough: a learner with the same weights but fresh Adam moments and step count (which
        // seeds its batch order) trains elsewhere.
        using var weightsOnly = new PreconditionerOnlineLearner(original.Snapshot(0), 1e-2, 1e-6);

        var lossOriginal = original.Train(samples, 2, new CheckpointableRandom(5));
        var lossResumed = resumed.Train(samples, 2, new CheckpointableRandom(5));
        weightsOnly.Train(samples, 2, new CheckpointableRandom(5));

        Assert.Equal(lossOriginal, lossResumed);
        Assert.Equal(Bytes(original.Snapshot(2).Write), Bytes(resumed.Snapshot(2).Write));
        Assert.NotEqual(Bytes(original.Snapshot(2).Write), Bytes(weightsOnly.Snapshot(2).Write));
    }
}
