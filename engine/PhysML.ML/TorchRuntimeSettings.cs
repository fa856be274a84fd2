namespace PhysML.ML;

/// <summary>
/// How <see cref="TorchRuntime.Initialize"/> sets up TorchSharp: one value, chosen once per process, so that a
/// training run can be reproduced from its settings.
/// </summary>
/// <param name="Seed">Seed of libtorch's default generators (CPU and, when present, CUDA).</param>
/// <param name="Threads">Intra-op CPU threads; 0 keeps libtorch's default (one per physical core).</param>
/// <param name="PreferCuda">Use a CUDA device when the loaded libtorch has one; otherwise the CPU.</param>
public readonly record struct TorchRuntimeSettings(
    long Seed = 0,
    int Threads = 0,
    bool PreferCuda = true);
