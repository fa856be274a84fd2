using static TorchSharp.torch;

namespace PhysML.ML.Surrogates;

/// <summary>
/// r = R(u)·∂u/∂τ − D·T·∂²u/∂x² − s (τ = t/T, T the horizon; s the boundary ghosts' constant part of the Laplacian), the non-conservative form PDEBench integrates multiplied by
/// R ≥ 1 so that the residual is O(1) and smooth in u. Operators: [φ, ∂φ/∂τ, D·T·∂²φ/∂x²]. With u = Φw, u_τ = Φ_τ w,
/// the Jacobian is R'(u)·u_τ·Φ + R(u)·Φ_τ − D·T·Φ_xx; R'(u) = c·(n_f − 1)·(u + ε)^(n_f − 2) for u &gt; 0 and 0 below, as
/// the clamp in R. Second derivatives: ∇²r = R''(u)·u_τ·φφᵀ + R'(u)·(φφ_τᵀ + φ_τφᵀ).
/// </summary>
public sealed class DiffusionSorptionResidual(DiffusionSorptionParameters parameters) : IPdeResidual
{
    public (Tensor Residual, Tensor Jacobian) Evaluate(PdeFeatures features, Tensor weights)
    {
        var (ut, residual, (retardation, slope, _)) = Fields(features, weights);
        var (phi, phiT, phiXX) = (features.Operators[0], features.Operators[1], features.Operators[2]);
        var jacobian = (slope * ut).unsqueeze(-1) * phi + retardation.unsqueeze(-1) * phiT - phiXX;
        return (residual, jacobian);
    }

    public Tensor Curvature(PdeFeatures features, Tensor weights)
    {
        var (ut, residual, (_, slope, bend)) = Fields(features, weights);
        var (phi, phiT) = (features.Operators[0], features.Operators[1]);
        var outer = matmul((phi * (residual * bend * ut).unsqueeze(-1)).transpose(-1, -2), phi);
        var cross = matmul((phi * (residual * slope).unsqueeze(-1)).transpose(-1, -2), phiT);
        return outer + cross + cross.transpose(-1, -2);
    }

    // u_τ, r and the retardation terms at the points; R(u) is evaluated once for the residual and its derivatives.
    private (Tensor Ut, Tensor Residual, (Tensor R, Tensor Slope, Tensor Bend) Retardation) Fields(PdeFeatures features, Tensor weights)
    {
        var w = weights.unsqueeze(-1);
        var u = matmul(features.Operators[0], w).squeeze(-1);
        var ut = matmul(features.Operators[1], w).squeeze(-1);
        var uxx = matmul(features.Operators[2], w).squeeze(-1);
        var retardation = Retardation(u);
        return (ut, retardation.R * ut - uxx - features.Source, retardation);
    }

    // R(u), R'(u), R''(u), with R' and R'' zero where the clamp holds u at 0.
    private (Tensor R, Tensor Slope, Tensor Bend) Retardation(Tensor u)
    {
        var c = parameters.SorptionCoefficient;
        var exponent = parameters.FreundlichExponent - 1;
        var shifted = u.clamp_min(0) + parameters.RetardationEpsilon;
        var positive = u > 0;
        var slope = where(positive, c * exponent * shifted.pow(exponent - 1), zeros_like(u));
        var bend = where(positive, c * exponent * (exponent - 1) * shifted.pow(exponent - 2), zeros_like(u));
        return (1 + c * shifted.pow(exponent), slope, bend);
    }
}
