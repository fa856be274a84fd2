using static TorchSharp.torch;

namespace PhysML.ML.Surrogates;

/// <summary>A PDE's residual at collocation points as a function of the basis weights.</summary>
public interface IPdeResidual
{
    /// <summary>
    /// The residual r [batch, K, P] of u = Σ_n w_n φ_n and its Jacobian ∂r/∂w [batch, K, P, N], from the operators of
    /// <paramref name="features"/> and weights w [batch, K, N].
    /// </summary>
    (Tensor Residual, Tensor Jacobian) Evaluate(PdeFeatures features, Tensor weights);

    /// <summary>
    /// Σ_p r_p·∇²_w r_p [batch, K, N, N] at weights w [batch, K, N]: the part of the least-squares Hessian that
    /// Gauss–Newton drops, which the implicit gradient needs wherever the residual is not zero at the solution.
    /// </summary>
    Tensor Curvature(PdeFeatures features, Tensor weights);
}
