using System.Diagnostics;
using PhysML.Core.Checkpoints;
using PhysML.Solvers;

namespace PhysML.DiffusionSorption;

/// <summary>
/// The state and numerics of one rod: the concentration u on Nx cell centres x_i = (i + ½)·dx, and one implicit step.
/// Stored on the rod's entity as a (managed) component.
/// <para>
/// Space (as PDEBench): the cell-centred finite-volume Laplacian (Lu)_i = (u_{i−1} − 2u_i + u_{i+1})/dx², with ghost
/// cells u₋₁ and u_N carrying the boundary conditions (<see cref="BoundaryStencil"/>); R is evaluated per cell at u_i.
/// Both ghosts are affine in u, so L stays tridiagonal.
/// </para>
/// <para>
/// Time: the method of lines gives du_i/dt = D/R(u_i)·(Lu)_i. Multiplying by R (which is ≥ 1) changes nothing in the
/// exact solution and leaves a step whose only nonlinearity is the diagonal R:
/// <code>  F_i(u) = R(u_i)·(a·u_i − r_i) − D·(Lu)_i = 0,   backward Euler: a = 1/dt, r = uⁿ/dt
///                                                   BDF2:           a = 3/(2dt), r = (4uⁿ − uⁿ⁻¹)/(2dt)</code>
/// Newton's method solves it from u = uⁿ: the Jacobian is L's tridiagonal plus the diagonal R(u_i)·a +
/// R'(u_i)·(a·u_i − r_i), so each iteration is one O(Nx) Thomas solve, and it converges quadratically (typically 2–4
/// iterations to 1e-10 at dt = 0.5 s). R' &lt; 0 but |R'·u| ≤ (1 − n_f)·R, so for uⁿ, u ≥ 0 the diagonal keeps
/// dominance and the solve is stable. Backward Euler's local error is ½dt²·u_tt, so the global error is O(dt);
/// BDF2's is O(dt²). Both are L/A-stable: dt is limited by accuracy alone, where an explicit step would need
/// dt ≤ R·dx²/(2D) ≈ 1 ms at 1024 cells.
/// </para>
/// <para>
/// Conservation: summing F over the cells telescopes L into the boundary fluxes, so every converged step satisfies
/// Σ R(u_iⁿ⁺¹)·(u_iⁿ⁺¹ − u_iⁿ)·dx = dt·(<see cref="LeftInflux"/> + <see cref="RightInflux"/>) (backward Euler) to solver
/// precision. With R ≡ 1 that is exact mass balance of ∫u dx. (PDEBench's non-conservative form R·∂u/∂t conserves
/// the total u + sorbed amount only to O(dt·Δu), as its RK45 data does.)
/// </para>
/// </summary>
public sealed partial class DiffusionSorptionSimulation : ICheckpointable
{
    private readonly double _kappa;           // D/dx², 1/s
    private readonly double _leftConstant;    // u₋₁ = _leftConstant + _leftSelf·u₀
    private readonly double _leftSelf;
    private readonly double _rightInner;      // u_N = _rightInner·u_{N−2} + _rightSelf·u_{N−1}
    private readonly double _rightSelf;
    private readonly double _sorption;        // (1 − φ)/φ·ρ_s·k·n_f
    private readonly double _exponent;        // n_f − 1
    private readonly double[] _old, _history, _lower, _diag, _upper, _rhs, _scratch;
    private double _historyDt = double.NaN;   // dt of the step that produced U from _history (BDF2); NaN: none
    private readonly List<double> _updates = new();

    public DiffusionSorptionSimulation(DiffusionSorptionRod rod, int seed)
    {
        Rod = rod;
        var n = rod.Nx;
        Dx = rod.Dx;
        _kappa = rod.Diffusivity / (Dx * Dx);
        _sorption = rod.SorptionCoefficient;
        _exponent = rod.FreundlichExponent - 1;
        var g = rod.InletConcentration;
        var beta = rod.Diffusivity / Dx;
        if (rod.Boundary == BoundaryStencil.PdeBench)
        {
            // sim_diff_sorp.py: left_BC = sol; right_BC = (c[-2] − c[-1])/dx·D, both used as ghost values.
            (_leftConstant, _leftSelf) = (g, 0);
            (_rightInner, _rightSelf) = (beta, -beta);
        }
        else
        {
            // Face values: (u₋₁ + u₀)/2 = g, and (u_{N−1} + u_N)/2 = −D·(u_N − u_{N−1})/dx solved for u_N.
            (_leftConstant, _leftSelf) = (2 * g, -1);
            (_rightInner, _rightSelf) = (0, (beta - 0.5) / (beta + 0.5));
        }
        U = new double[n];
        _old = new double[n];
        _history = new double[n];
        _lower = new double[n];
        _diag = new double[n];
        _upper = new double[n];
        _rhs = new double[n];
        _scratch = new double[n];
        rod.Initial.Fill(U, new Random(seed));
    }

    public DiffusionSorptionRod Rod { get; }
    public double Dx { get; }

    /// <summary>Concentration per cell, from x = 0.</summary>
    public double[] U { get; }

    /// <summary>Simulated time since the initial condition, s.</summary>
    public double Time { get; private set; }

    /// <summary>Newton iterations (tridiagonal solves) of the last step.</summary>
    public int LastIterations { get; private set; }

    /// <summary>D·(u₋₁ − u₀)/dx at the end of the last step: what entered through x = 0, per unit area, in u·m/s.</summary>
    public double LeftInflux { get; private set; }

    /// <summary>D·(u_N − u_{N−1})/dx at the end of the last step: what entered through x = L (negative: outflow).</summary>
    public double RightInflux { get; private set; }

    /// <summary>∫u dx over the rod (midpoint rule), u·m.</summary>
    public double TotalMass
    {
        get
        {
            double sum = 0;
            foreach (var v in U) sum += v;
            return sum * Dx;
        }
    }

    /// <summary>Advances by <paramref name="dt"/> seconds; returns the Newton iterations it took.</summary>
    /// <exception cref="SolverNotConvergedException">Newton did not reach the tolerance in the allowed iterations.</exception>
    public int Step(double dt)
    {
        var start = Stopwatch.GetTimestamp();
        var n = U.Length;
        var bdf2 = Rod.Scheme == DiffusionSorptionScheme.Bdf2 && _historyDt == dt;
        var a = bdf2 ? 1.5 / dt : 1 / dt;
        // uⁿ stays in _old while U iterates towards uⁿ⁺¹; _rhs carries −F in and δu out of the Thomas solve.
        U.CopyTo(_old, 0);
        var kappa = _kappa;
        _updates.Clear();
        var iterations = 0;
        while (true)
        {
            // Jacobian rows and −F. Interior L row: κ·(1, −2, 1).
            for (var i = 0; i < n; i++)
            {
                var u = U[i];
                var r = bdf2 ? (2 * _old[i] - 0.5 * _history[i]) / dt : _old[i] / dt;
                var change = a * u - r;
                Retardation(u, out var retardation, out var slope);
                var lu = -2 * u;
                var diagL = -2.0;
                if (i > 0) lu += U[i - 1];
                else { lu += _leftConstant + _leftSelf * u; diagL += _leftSelf; }
                if (i < n - 1) lu += U[i + 1];
                else { lu += _rightInner * U[i - 1] + _rightSelf * u; diagL += _rightSelf; }
                _rhs[i] = kappa * lu - retardation * change;
                _diag[i] = retardation * a + slope * change - kappa * diagL;
                _lower[i] = i == n - 1 ? -kappa * (1 + _rightInner) : -kappa;
                _upper[i] = -kappa;
            }
            Tridiagonal.Solve(_lower, _diag, _upper, _rhs, _scratch);
            double largest = 0;
            for (var i = 0; i < n; i++)
            {
                U[i] += _rhs[i];
                largest = Math.Max(largest, Math.Abs(_rhs[i]));
            }
            iterations++;
            _updates.Add(largest);
            // A NaN update is bad input, not slow convergence: leave it in U for the plugin's NonFiniteGuard to locate.
            if (largest <= Rod.NonlinearTolerance || !double.IsFinite(largest)) break;
            if (iterations >= Rod.MaxNonlinearIterations)
                throw new SolverNotConvergedException(
                    $"the diffusion-sorption step at t = {Time:G6} s (dt = {dt:G4} s; a smaller time.dt helps Newton)",
                    new SolveInfo("Newton (tridiagonal)", iterations, largest, Rod.NonlinearTolerance, false,
                        _updates.ToArray(), Stopwatch.GetElapsedTime(start)));
        }
        LastIterations = iterations;
        LeftInflux = Rod.Diffusivity * (_leftConstant + (_leftSelf - 1) * U[0]) / Dx;
        RightInflux = Rod.Diffusivity * (_rightInner * U[n - 2] + (_rightSelf - 1) * U[n - 1]) / Dx;
        _old.CopyTo(_history, 0);
        _historyDt = dt;
        Time += dt;
        return iterations;
    }

    /// <summary>R(u) and dR/du as PDEBench evaluates R: 1 + c·(max(u, 0) + ε)^(n_f − 1).</summary>
    private void Retardation(double u, out double retardation, out double slope)
    {
        if (_sorption == 0)
        {
            retardation = 1;
            slope = 0;
            return;
        }
        var shifted = Math.Max(u, 0) + Rod.RetardationEpsilon;
        var term = _sorption * Math.Pow(shifted, _exponent);
        retardation = 1 + term;
        slope = u > 0 ? _exponent * term / shifted : 0;
    }
}
