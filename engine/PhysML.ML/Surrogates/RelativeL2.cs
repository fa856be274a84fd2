using static TorchSharp.torch;

namespace PhysML.ML.Surrogates;

/// <summary>‖u − u_ref‖₂ / ‖u_ref‖₂ per sample over the whole space-time grid (the error the paper and PDEBench report),
/// averaged over the batch. Also the training loss, as in FNO.</summary>
public static class RelativeL2
{
    public static Tensor Mean(Tensor prediction, Tensor reference)
    {
        var batch = prediction.shape[0];
        var difference = (prediction - reference.to(prediction.dtype)).reshape(batch, -1).norm(1);
        var norm = reference.to(prediction.dtype).reshape(batch, -1).norm(1).clamp_min(1e-12);
        return (difference / norm).mean();
    }
}
