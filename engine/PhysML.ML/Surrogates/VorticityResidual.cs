using static TorchSharp.torch;

namespace PhysML.ML.Surrogates;

/// <summary>
/// r = ∂ω/∂τ + T·(u·∂ω/∂x + v·∂ω/∂y − ν∇²ω − f), τ = t/T. Operators (T folded in where it belongs):
/// [∂φ/∂τ, T·∂φ/∂x, T·∂φ/∂y, u[φ], v[φ], T·ν·∇²φ]; u[φ], v[φ] are the velocities of the streamfunction of φ, so all are
/// linear in w and the advection term is bilinear: its Jacobian is (Ω_x w)·U + (U w)·Ω_x + (Ω_y w)·V + (V w)·Ω_y, and its
/// second derivatives, constant in w, are U Ω_xᵀ + Ω_x Uᵀ + V Ω_yᵀ + Ω_y Vᵀ.
/// </summary>
public sealed class VorticityResidual : IPdeResidual
{
    public (Tensor Residual, Tensor Jacobian) Evaluate(PdeFeatures features, Tensor weights)
    {
        var o = features.Operators;
        var (phiT, phiX, phiY, velU, velV, lap) = (o[0], o[1], o[2], o[3], o[4], o[5]);
        var (residual, wx, wy, u, v) = Fields(features, weights);
        var jacobian = phiT + wx.unsqueeze(-1) * velU + u.unsqueeze(-1) * phiX + wy.unsqueeze(-1) * velV + v.unsqueeze(-1) * phiY - lap;
        return (residual, jacobian);
    }

    public Tensor Curvature(PdeFeatures features, Tensor weights)
    {
        var o = features.Operators;
        var r = Fields(features, weights).Residual.unsqueeze(-1);
        Tensor Pair(Tensor velocity, Tensor gradient)
        {
            var half = matmul((velocity * r).transpose(-1, -2), gradient);
            return half + half.transpose(-1, -2);
        }
        return Pair(o[3], o[1]) + Pair(o[4], o[2]);
    }

    // r and the fields it is built from: ∂ω/∂x, ∂ω/∂y, u, v at the points.
    private static (Tensor Residual, Tensor Wx, Tensor Wy, Tensor U, Tensor V) Fields(PdeFeatures features, Tensor weights)
    {
        var w = weights.unsqueeze(-1);
        var o = features.Operators;
        Tensor Apply(Tensor op) => matmul(op, w).squeeze(-1);
        var (wx, wy, u, v) = (Apply(o[1]), Apply(o[2]), Apply(o[3]), Apply(o[4]));
        return (Apply(o[0]) + u * wx + v * wy - Apply(o[5]) - features.Source, wx, wy, u, v);
    }
}
