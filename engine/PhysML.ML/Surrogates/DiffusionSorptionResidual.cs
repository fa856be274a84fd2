using static TorchSharp.torch;

namespace PhysML.ML.Surrogates;

/// <summary>
/// r = R(u)·∂u/∂τ − D·T·∂²u/∂x² − s (τ = t/T, T the horizon; s the boundary ghosts' constant part of the Laplacian), the non-conservative form PDEBench integrates multiplied by
/// R ≥ 1 so that the residual is O(1) and smooth in u. Operators: [φ, ∂φ/∂τ, D·T·∂²φ/∂x²]. With u = Φw, u_τ = Φ_τ w,
/// the Jacobian is R'(u)·u_τ·Φ + R(u)·Φ_τ − D·T·Φ_xx; R'(u) = c·(n_f − 1)·(u + ε)^(n_f − 2) for u &gt; 0 and 0 below, as
/// the clamp in R.
/// </summary>
public sealed class DiffusionSorptionResidual(DiffusionSorptionParameters parameters) : IPdeResidual
{
    public (Tensor Residual, Tensor Jacobian) Evaluate(PdeFeatures features, Tensor weights)
    {
        var w = weights.unsqueeze(-1);
        var (phi, phiT, phiXX) = (features.Operators[0], features.Operators[1], features.Operators[2]);
        var u = matmul(phi, w).squeeze(-1);
        var ut = matmul(phiT, w).squeeze(-1);
        var uxx = matmul(phiXX, w).squeeze(-1);
        var c = parameters.SorptionCoefficient;
        var exponent = parameters.FreundlichExponent - 1;
        var shifted = u.clamp_min(0) + parameters.RetardationEpsilon;
        var retardation = 1 + c * shifted.pow(exponent);
        var slope = where(u > 0, c * exponent * shifted.pow(exponent - 1), zeros_like(u));
        var residual = retardation * ut - uxx - features.Source;
        var jacobian = (slope * ut).unsqueeze(-1) * phi + retardation.unsqueeze(-1) * phiT - phiXX;
        return (residual, jacobian);
    }
}
