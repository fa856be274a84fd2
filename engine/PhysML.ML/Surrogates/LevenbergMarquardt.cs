using static TorchSharp.torch;

namespace PhysML.ML.Surrogates;

/// <summary>
/// Batched Levenberg–Marquardt for min_w ½‖r(w)‖² + ½λ‖w‖², w of shape [..., N], in the residual's dtype (float64 in
/// the constraint layer). Each iteration solves (JᵀJ + λI + μ·m·I) δ = −(Jᵀr + λw) by a batched Cholesky
/// factorisation (m the mean diagonal of JᵀJ, so μ is scale-free); a step that lowers the objective is taken and μ
/// divided by 3, otherwise μ is doubled — per batch entry, so easy and hard entries do not hold each other back
/// (Nocedal &amp; Wright, Numerical Optimization, §10.3). Hand-written: TorchSharp has no nonlinear least-squares solver.
/// </summary>
public static class LevenbergMarquardt
{
    /// <summary>The residual r [..., P] and its Jacobian J = ∂r/∂w [..., P, N] at weights w [..., N].</summary>
    public delegate (Tensor Residual, Tensor Jacobian) ResidualFunction(Tensor weights);

    /// <summary>Σ_i r_i·∇²r_i [..., N, N] at weights w [..., N]: the second-order part of the objective's Hessian.</summary>
    public delegate Tensor CurvatureFunction(Tensor weights);

    /// <summary>Solves from <paramref name="initial"/> without recording gradients; returns the weights [..., N].</summary>
    public static LevenbergMarquardtResult Solve(ResidualFunction residual, Tensor initial, LevenbergMarquardtSettings settings)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var n = initial.shape[^1];
        var identity = eye(n, dtype: initial.dtype, device: initial.device);
        var w = initial.detach().clone();
        var (r, j) = residual(w);
        var cost = Objective(r, w, settings.Ridge);
        var damping = full_like(cost, settings.InitialDamping);
        Tensor? firstGradient = null;
        var iterations = 0;
        for (; iterations < settings.MaxIterations; iterations++)
        {
            var jt = j.transpose(-1, -2);
            var normal = matmul(jt, j) + settings.Ridge * identity;
            var gradient = matmul(jt, r.unsqueeze(-1)).squeeze(-1) + settings.Ridge * w;
            var gradientNorm = gradient.norm(-1);
            firstGradient ??= gradientNorm.clamp_min(1e-300);
            if ((gradientNorm <= settings.GradientTolerance * firstGradient).all().item<bool>()) break;
            var scale = normal.diagonal(0, -2, -1).mean([-1]);
            var damped = normal + (damping * scale).unsqueeze(-1).unsqueeze(-1) * identity;
            var factor = linalg.cholesky(damped);
            var step = cholesky_solve(-gradient.unsqueeze(-1), factor).squeeze(-1);
            var trial = w + step;
            var (trialR, trialJ) = residual(trial);
            var trialCost = Objective(trialR, trial, settings.Ridge);
            // Near the minimum the objective changes by ½δᵀHδ, below its own rounding once |δ| ≲ 1e-8: a step that
            // does not raise it beyond rounding is taken, so LM finishes with Gauss–Newton steps to full precision
            // instead of stalling there (the implicit gradient needs the solution to ~1e-12).
            var better = trialCost <= cost * (1 + 1e-14) & trialCost.isfinite();
            var take = better.unsqueeze(-1);
            w = where(take, trial, w);
            r = where(take, trialR, r);
            j = where(take.unsqueeze(-1), trialJ, j);
            cost = where(better, trialCost, cost);
            damping = where(better, damping / 3, damping * 2).clamp(1e-12, 1e12);
        }
        return new LevenbergMarquardtResult(w.MoveToOuterDisposeScope(), cost.MoveToOuterDisposeScope(),
            r.square().sum(-1).sqrt().MoveToOuterDisposeScope(), iterations);
    }

    /// <summary>
    /// The implicit-function-theorem gradient without unrolling the solve (Chalapathi et al. 2024, §3.2): at the solution
    /// w*, one Newton step w = w* − H⁻¹(Jᵀr + λw*) with H detached has the value w* (the gradient of the objective
    /// vanishes there) and the derivative −H⁻¹·∂(Jᵀr)/∂θ, which is dw*/dθ by the implicit function theorem when H is the
    /// objective's Hessian JᵀJ + Σ r_i∇²r_i + λI. Without <paramref name="curvature"/> H is the Gauss–Newton JᵀJ + λI,
    /// exact only when r is linear in w or zero at the solution; a constrained fit that leaves a residual (an expert whose
    /// basis cannot meet every row) needs the curvature term, or its gradient points the wrong way.
    /// </summary>
    public static Tensor ImplicitStep(ResidualFunction residual, Tensor solution, double ridge, CurvatureFunction? curvature = null)
    {
        var w = solution.detach();
        var (r, j) = residual(w);
        var jt = j.transpose(-1, -2);
        var gradient = matmul(jt, r.unsqueeze(-1)).squeeze(-1) + ridge * w;
        Tensor hessian;
        using (no_grad())
        {
            var n = w.shape[^1];
            hessian = matmul(jt.detach(), j.detach()) + ridge * eye(n, dtype: w.dtype, device: w.device);
            if (curvature is not null) hessian += curvature(w).detach();
        }
        // Gauss–Newton's H is positive definite (Cholesky); the full one is only where LM reached a minimum (LU).
        var step = curvature is null
            ? cholesky_solve(gradient.unsqueeze(-1), linalg.cholesky(hessian))
            : linalg.solve(hessian, gradient.unsqueeze(-1));
        return w - step.squeeze(-1);
    }

    private static Tensor Objective(Tensor r, Tensor w, double ridge) => 0.5 * (r.square().sum(-1) + ridge * w.square().sum(-1));
}
