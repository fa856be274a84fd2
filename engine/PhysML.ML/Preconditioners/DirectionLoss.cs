using static TorchSharp.torch;

namespace PhysML.ML.Preconditioners;

/// <summary>
/// Kaneda et al.'s unsupervised, scale-invariant loss: for q = net(b), the residual left by the exact line search
/// along q, ‖b − αAq‖² / ‖b‖² with α = q·b / q·Aq, averaged over the batch. It is 0 exactly when q ∥ A⁻¹b and 1 when
/// q is useless (A-orthogonal to the error), whatever the network's output scale.
/// </summary>
public static class DirectionLoss
{
    public static Tensor Compute(PreconditionerNetwork network, SystemTensors system, Tensor b) =>
        Of(network.Directions(system, b), system.Stencil, b);

    /// <summary>
    /// The energy-norm loss for right-hand sides with known solutions x = A⁻¹b: the A-norm error left by the exact line
    /// search along q, relative to x's, ‖x − αq‖²_A / ‖x‖²_A = 1 − (q·b)² / ((q·Aq)(b·x)). Also 0 exactly when q ∥ A⁻¹b
    /// and scale-invariant, but it weighs every mode by its energy, as CG's convergence does, where the residual loss
    /// weighs high frequencies by λ² and drives a V-cycle to trade its coarse-grid correction for smoothing.
    /// </summary>
    public static Tensor EnergyOf(Tensor q, StencilTensors a, Tensor b, Tensor x)
    {
        var dims = Enumerable.Range(1, (int)b.dim() - 1).Select(d => (long)d).ToArray();
        var qb = (q * b).sum(dims);
        var qAq = (q * a.Apply(q)).sum(dims);
        var bx = (b * x).sum(dims);
        return (1 - qb * qb / (qAq * bx + 1e-30f)).mean();
    }

    /// <summary>The loss of directions <paramref name="q"/> for right-hand sides <paramref name="b"/>, both [B, 1, ...].</summary>
    public static Tensor Of(Tensor q, StencilTensors a, Tensor b)
    {
        var aq = a.Apply(q);
        var dims = Enumerable.Range(1, (int)b.dim() - 1).Select(d => (long)d).ToArray();
        var alpha = (q * b).sum(dims, keepdim: true) / ((q * aq).sum(dims, keepdim: true) + 1e-30f);
        var left = b - alpha * aq;
        return ((left * left).sum(dims) / (b * b).sum(dims)).mean();
    }

    /// <summary>
    /// The loss of <paramref name="steps"/> PCG iterations unrolled with the network as preconditioner, from x = 0:
    /// mean over the batch of log(‖x − x_k‖²_A / ‖x‖²_A), with ‖e‖²_A = e·r (r = b − A x_k = A e). It scores what a
    /// Krylov solve gets from the preconditioner over several steps, which a one-step loss does not see: a V-cycle can
    /// win one step on most modes while leaving a few nearly untouched, and PCG then pays for those in iterations.
    /// </summary>
    public static Tensor UnrolledPcg(PreconditionerNetwork network, SystemTensors system, Tensor b, Tensor x, int steps)
    {
        var dims = Enumerable.Range(1, (int)b.dim() - 1).Select(d => (long)d).ToArray();
        Tensor Dot(Tensor u, Tensor v) => (u * v).sum(dims, keepdim: true);
        var a = system.Stencil;
        var iterate = zeros_like(b);
        var r = b;
        var z = network.Directions(system, r);
        var p = z;
        var rz = Dot(r, z);
        for (var k = 0; k < steps; k++)
        {
            var ap = a.Apply(p);
            var alpha = rz / (Dot(p, ap) + 1e-30f);
            iterate = iterate + alpha * p;
            r = r - alpha * ap;
            if (k == steps - 1) break;
            z = network.Directions(system, r);
            var rzNext = Dot(r, z);
            p = z + rzNext / (rz + 1e-30f) * p;
            rz = rzNext;
        }
        var error = Dot(x - iterate, r).flatten() / Dot(x, b).flatten();
        return error.clamp_min(1e-12f).log().mean();
    }
}
