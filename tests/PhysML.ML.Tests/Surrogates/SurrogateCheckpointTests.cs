using PhysML.Core.Errors;
using PhysML.ML.Surrogates;
using PhysML.Solvers.Learned;
using static TorchSharp.torch;

namespace PhysML.ML.Tests.Surrogates;

[Collection(TorchCollection.Name)]
public sealed class SurrogateCheckpointTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("physml-surrogate-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static readonly CheckpointMetadata Metadata = new() { Kind = "placeholder", Architecture = "placeholder", Dimensions = 0, Command = "test" };

    private static DiffusionSorptionProblem SmallRod() =>
        new(new DiffusionSorptionParameters(32, 11, 1, 50, 5e-4, 2.157, 0.874, 1e-6, 1));

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // the network has one more output channel, the trace, which the settings must bring back
    public void A_saved_surrogate_loads_with_its_problem_settings_and_identical_predictions(bool interfaces)
    {
        TorchCollection.Seeded(4);
        var problem = SmallRod();
        var settings = SurrogateFixtures.Tiny(SurrogateMethod.Moe, experts: 2) with { Interfaces = interfaces };
        var path = Path.Combine(_directory, "ds.ckpt");
        using var model = new ConstrainedSurrogate(problem, settings);
        SurrogateCheckpoint.Save(model, path, Metadata);

        var (loaded, metadata) = SurrogateCheckpoint.Load(path);
        using (loaded)
        {
            Assert.Equal("fno-moe2-diffusion-sorption", metadata.Architecture);
            Assert.Equal(settings, loaded.Settings);
            Assert.Equal(problem.Parameters, ((DiffusionSorptionProblem)loaded.Problem).Parameters);
            var initial = full(1, 32, 0.1f);
            var points = new CollocationSampler(problem, model.Partition, 1).Sample(64, 8);
            using var _ = no_grad();
            Assert.Equal(model.Forward(initial, points).Prediction.data<double>().ToArray(), loaded.Forward(initial, points).Prediction.data<double>().ToArray());
        }
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public void A_missing_file_is_PML0902_naming_it()
    {
        var path = Path.Combine(_directory, "absent.ckpt");
        var error = Assert.Throws<PhysMLException>(() => SurrogateCheckpoint.Load(path));
        Assert.Equal(ErrorCodes.SurrogateCheckpointInvalid, error.Code);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void An_altered_weight_fails_the_hash_as_PML0902()
    {
        TorchCollection.Seeded(4);
        var path = Path.Combine(_directory, "altered.ckpt");
        using (var model = new ConstrainedSurrogate(SmallRod(), SurrogateFixtures.Tiny(SurrogateMethod.Hard)))
            SurrogateCheckpoint.Save(model, path, Metadata);
        var bytes = File.ReadAllBytes(path);
        bytes[^3] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<PhysMLException>(() => SurrogateCheckpoint.Load(path));
        Assert.Equal(ErrorCodes.SurrogateCheckpointInvalid, error.Code);
        Assert.Contains("hash", error.Message);
    }

    [Fact]
    public void Another_kind_of_checkpoint_is_PML0902_naming_the_kind()
    {
        var path = Path.Combine(_directory, "other.ckpt");
        ModelCheckpoint.Write(path, Metadata with { Kind = "search-direction", Tensors = [new CheckpointTensor("w", [2])] }, [[1f, 2f]]);
        var error = Assert.Throws<PhysMLException>(() => SurrogateCheckpoint.Load(path));
        Assert.Equal(ErrorCodes.SurrogateCheckpointInvalid, error.Code);
        Assert.Contains("search-direction", error.Message);
    }
}
