namespace PhysML.ML;

/// <summary>
/// Works around a race in TorchSharp 0.107 (upstream dotnet/TorchSharp#1434, open): most tensor operations turn a number
/// into a <see cref="TorchSharp.Scalar"/> (even <c>a + b</c> passes alpha = 1) that nothing references once its handle
/// is read, and Scalars are not tracked by dispose scopes, so a GC during the native call lets the finalizer thread free
/// the Scalar while libtorch reads it: "Unknown scalar type" or libtorch's toLong assertion. A thread that forces
/// collections reproduces it within ~400–3 500 calls of the time derivative; the 64² × 32 Navier–Stokes surrogate
/// benchmark, which allocates enough for GCs mid-step, crashed after about a minute. No wrapper of ours can keep those
/// Scalars alive, so the training step makes a GC during it unlikely instead: it does its large managed allocations
/// first, then <see cref="Settle"/> collects and runs the pending finalizers, leaving the whole allocation budget to the
/// step's small tensor wrappers.
/// </summary>
public static class TorchGarbage
{
    public static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }
}
