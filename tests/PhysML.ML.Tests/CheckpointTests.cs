using PhysML.Core.Errors;
using PhysML.ML.Preconditioners;
using PhysML.Solvers.Learned;
using static TorchSharp.torch;

namespace PhysML.ML.Tests;

[Collection(TorchCollection.Name)]
public sealed class CheckpointTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("physml-ckpt-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static readonly CheckpointMetadata Metadata = new()
    {
        Kind = "placeholder", Architecture = "placeholder", Dimensions = 0,
        TrainingSources = ["random-2d-32 seeds 0-3"], Samples = 64, Steps = 10, Command = "test",
    };

    private string Saved(string architecture, int dimensions, string name = "model.ckpt")
    {
        TorchCollection.Seeded();
        var path = Path.Combine(_directory, name);
        using var network = PreconditionerNetwork.Create(architecture, dimensions);
        PreconditionerCheckpoint.Save(network, path, Metadata);
        return path;
    }

    [Theory]
    [InlineData("mg-learned", 2)]
    [InlineData("coarse16", 3)]
    [InlineData("unet16", 2)]
    public void A_saved_network_loads_with_identical_weights_and_metadata(string architecture, int dimensions)
    {
        TorchCollection.Seeded(3);
        var path = Path.Combine(_directory, $"{architecture}.ckpt");
        using var network = PreconditionerNetwork.Create(architecture, dimensions);
        PreconditionerCheckpoint.Save(network, path, Metadata);

        var (loaded, metadata) = PreconditionerCheckpoint.Load(path, dimensions);
        using (loaded)
        {
            Assert.Equal(architecture, metadata.Architecture);
            Assert.Equal(dimensions, metadata.Dimensions);
            Assert.Equal(64, metadata.Samples);
            var original = network.state_dict();
            foreach (var (name, value) in loaded.state_dict())
                Assert.Equal(original[name].data<float>().ToArray(), value.data<float>().ToArray());
        }
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public void A_missing_file_is_PML0501_naming_it()
    {
        var path = Path.Combine(_directory, "absent.ckpt");
        var error = Assert.Throws<PhysMLException>(() => PreconditionerCheckpoint.Load(path));
        Assert.Equal(ErrorCodes.CheckpointInvalid, error.Code);
        Assert.Contains(path, error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void A_truncated_file_is_refused()
    {
        var path = Saved("mg-learned", 2);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^10]);
        var error = Assert.Throws<PhysMLException>(() => PreconditionerCheckpoint.Load(path));
        Assert.Equal(ErrorCodes.CheckpointInvalid, error.Code);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void An_altered_weight_is_a_hash_mismatch()
    {
        var path = Saved("mg-learned", 2);
        var bytes = File.ReadAllBytes(path);
        bytes[^3] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<PhysMLException>(() => PreconditionerCheckpoint.Load(path));
        Assert.Contains("content hash mismatch", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_checkpoint_is_refused()
    {
        var path = Path.Combine(_directory, "scene.json");
        File.WriteAllText(path, "{ \"name\": \"not a model\" }");
        var error = Assert.Throws<PhysMLException>(() => PreconditionerCheckpoint.Load(path));
        Assert.Contains("not a PhysML model checkpoint", error.Message);
    }

    [Fact]
    public void A_3D_model_for_a_2D_system_is_PML0502()
    {
        var path = Saved("mg-learned", 3);
        var error = Assert.Throws<PhysMLException>(() => PreconditionerCheckpoint.Load(path, dimensions: 2));
        Assert.Equal(ErrorCodes.CheckpointIncompatible, error.Code);
        Assert.Contains("3D model and the system is 2D", error.Message);
    }

    [Fact]
    public void A_failed_write_leaves_the_previous_checkpoint_intact()
    {
        var path = Saved("mg-learned", 2);
        var before = File.ReadAllBytes(path);
        // Tensors that do not match their header entries: refused before anything is written.
        Assert.Throws<ArgumentException>(() => ModelCheckpoint.Write(path, Metadata with
        {
            Tensors = [new CheckpointTensor("w", [2, 2])],
        }, [new float[3]]));
        Assert.Equal(before, File.ReadAllBytes(path));
        PreconditionerCheckpoint.Load(path, 2).Network.Dispose();
    }
}
