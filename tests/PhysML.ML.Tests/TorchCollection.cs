using PhysML.ML;

namespace PhysML.ML.Tests;

/// <summary>
/// libtorch's generator and thread count are process-wide: tests that seed and train run one at a time, each after
/// <see cref="Seeded"/>, so their weights and losses do not depend on test order.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchCollection
{
    public const string Name = "TorchSharp";

    public static void Seeded(long seed = 7) => TorchRuntime.Initialize(new TorchRuntimeSettings(Seed: seed, Threads: 2, PreferCuda: false));
}
