using static TorchSharp.torch;

namespace PhysML.ML.Surrogates;

/// <summary>∂/∂t of fields [..., Times, S] sampled every <c>dt</c>: second-order central differences inside,
/// second-order one-sided ones at the first and last sample (so every sample has a derivative of the same order).</summary>
public static class TimeDerivative
{
    public static Tensor Of(Tensor fields, double dt)
    {
        var times = fields.shape[^2];
        var inner = (fields[TensorIndex.Ellipsis, 2.., ..] - fields[TensorIndex.Ellipsis, ..(int)(times - 2), ..]) / (2 * dt);
        var first = (-3 * fields[TensorIndex.Ellipsis, 0..1, ..] + 4 * fields[TensorIndex.Ellipsis, 1..2, ..] - fields[TensorIndex.Ellipsis, 2..3, ..]) / (2 * dt);
        var last = (3 * fields[TensorIndex.Ellipsis, (int)(times - 1).., ..] - 4 * fields[TensorIndex.Ellipsis, (int)(times - 2)..(int)(times - 1), ..]
                    + fields[TensorIndex.Ellipsis, (int)(times - 3)..(int)(times - 2), ..]) / (2 * dt);
        return cat([first, inner, last], -2);
    }
}
