using static TorchSharp.torch;

namespace PhysML.ML.Surrogates;

/// <summary>
/// One forward pass: the prediction u [batch, Times, S] (float64), the PDE residual at the collocation points after the
/// solve [batch, K, P] (for the soft constraint: of the network's own prediction), and the LM iterations it took (0 for
/// the soft constraint); <see cref="PhysicsLoss"/> when the forward pass was given loss points, else null.
/// </summary>
public sealed record SurrogateOutput(Tensor Prediction, Tensor PdeResidual, int SolverIterations, Tensor? PhysicsLoss = null)
{
    /// <summary>Root-mean-square PDE residual per expert over the batch and its points, [K].</summary>
    public double[] ResidualPerExpert()
    {
        using var _ = no_grad();
        return PdeResidual.detach().square().mean([0, 2]).sqrt().cpu().data<double>().ToArray();
    }
}
