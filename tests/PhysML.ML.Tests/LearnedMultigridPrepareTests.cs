using PhysML.ML.Preconditioners;
using PhysML.Solvers.Learned;
using PhysML.Solvers.Multigrid;

namespace PhysML.ML.Tests;

/// <summary>
/// An adopted learned V-cycle is prepared off the frame thread (online training); the Vulkan solver then builds its own
/// hierarchy of the same operator and must get the prepared damping back instead of predicting it again on the frame
/// thread, and for any other operator the damping is predicted afresh.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class LearnedMultigridPrepareTests
{
    [Fact]
    public void The_prepared_damping_is_reused_for_the_same_operator_only()
    {
        TorchCollection.Seeded();
        var network = (LearnedMultigridNetwork)PreconditionerNetwork.Create(LearnedMultigridNetwork.ArchitectureName, 2);
        using var model = new LearnedMultigridModel(network, 1);
        var original = RandomObstacleSystems.Create(2, 24, 5);
        var copy = RandomObstacleSystems.Create(2, 24, 5); // same seed: the same content, another object
        var other = RandomObstacleSystems.Create(2, 24, 6);
        var predicted = model.For(new MultigridHierarchy(original));

        model.Prepare(copy, original, original.Version);
        var reused = model.For(new MultigridHierarchy(original));
        Assert.Same(reused, model.For(new MultigridHierarchy(original)));
        Assert.Equal(predicted.Count, reused.Count);
        for (var level = 0; level < predicted.Count; level++) Assert.Equal(predicted[level], reused[level]);

        var forOther = model.For(new MultigridHierarchy(other));
        Assert.NotSame(reused, forOther);
        Assert.Equal(new MultigridHierarchy(other).Levels.Count, forOther.Count);
    }
}
