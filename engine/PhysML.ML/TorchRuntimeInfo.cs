namespace PhysML.ML;

/// <summary>What <see cref="TorchRuntime.Initialize"/> found and set: for logs, checkpoints and bug reports.</summary>
/// <param name="TorchSharpVersion">Version of the TorchSharp managed assembly.</param>
/// <param name="LibTorchVersion">Version of the native libtorch it runs on.</param>
/// <param name="Device">The device models should be placed on, e.g. <c>cpu</c> or <c>cuda:0</c>.</param>
/// <param name="Threads">Intra-op CPU threads libtorch uses.</param>
/// <param name="Seed">The seed the default generators were given.</param>
public readonly record struct TorchRuntimeInfo(
    string TorchSharpVersion,
    string LibTorchVersion,
    string Device,
    int Threads,
    long Seed)
{
    public override string ToString() =>
        $"TorchSharp {TorchSharpVersion} (libtorch {LibTorchVersion}), device {Device}, {Threads} threads, seed {Seed}";
}
