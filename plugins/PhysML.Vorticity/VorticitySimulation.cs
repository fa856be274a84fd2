using System.Numerics;
using PhysML.Core.Checkpoints;
using PhysML.Core.Errors;

namespace PhysML.Vorticity;

/// <summary>
/// The state and numerics of one periodic vorticity domain, pseudo-spectral (Fourier–Galerkin with collocation of the
/// product u·∇ω). The state is the coefficient array W (ω = Σ W_k e^(iκ·x)); the physical fields are refreshed after
/// every fixed step. Stored on the domain's entity as a (managed) component.
/// <para>
/// Time stepping, per substep h: integrating-factor Heun (IF-RK2; Cox &amp; Matthews, J. Comput. Phys. 176, 2002, §2).
/// With E = e^(−νκ²h) and N(W) = −P₂/₃·F[u·∇ω] + F[f]:
/// W* = E·(Wⁿ + h·N(Wⁿ)), Wⁿ⁺¹ = ½(E·Wⁿ + W* + h·N(W*)).
/// Viscosity is integrated exactly (no stability limit, no error for a pure decay); the advection and forcing are
/// second order (global error O(h²)). Heun's stability polynomial 1 + z + z²/2 has |·|² = 1 + y⁴/4 on the imaginary
/// axis z = iy, so pure advection grows by ~y⁴/8 per substep; with y ≤ (2π/3)·CFL at the 2/3-rule cutoff, CFL ≤ 0.25
/// keeps that below 1% per substep, and viscosity damps it in practice. FNO's reference solver uses Crank–Nicolson for ν
/// and forward Euler for advection with h = 1e-4 (first order); this is the same spatial discretisation, 2/3 rule
/// included, with a second-order time step.
/// </para>
/// <para>
/// Cost per substep: two evaluations of N, each two inverse FFTs (u + iv and ∂ω/∂x + i∂ω/∂y packed as the real and
/// imaginary parts of one complex transform, exact because each is the transform of a real field) and one forward FFT.
/// </para>
/// </summary>
public sealed partial class VorticitySimulation : ICheckpointable
{
    private readonly Fft2D _fft;
    private readonly Complex[] _state;
    private readonly Complex[] _stage;
    private readonly Complex[] _rate;
    private readonly Complex[] _velocity;
    private readonly Complex[] _gradient;
    private readonly Complex[]? _forcing;
    private readonly double[] _dealiasScaled;
    private readonly double[] _decay;
    private double _decayStep = double.NaN;
    private double _stageSpeed;

    public VorticitySimulation(VorticityDomain domain, int seed)
    {
        Domain = domain;
        N = domain.N;
        Spectral = new SpectralGrid(N, domain.Length);
        _fft = new Fft2D(N);
        var count = N * N;
        _state = new Complex[count];
        _stage = new Complex[count];
        _rate = new Complex[count];
        _velocity = new Complex[count];
        _gradient = new Complex[count];
        _decay = new double[count];
        _dealiasScaled = new double[count];
        for (var k = 0; k < count; k++) _dealiasScaled[k] = Spectral.Dealias[k] / count;
        Vorticity = new double[count];
        U = new double[count];
        V = new double[count];
        Streamfunction = new double[count];

        if (domain.Forcing == VorticityForcing.Fno)
        {
            var forcing = new double[count];
            Sample(forcing, (x, y) => 0.1 * (Math.Sin(2 * Math.PI * (x + y) / domain.Length) + Math.Cos(2 * Math.PI * (x + y) / domain.Length)));
            _forcing = ToCoefficients(forcing, new Complex[count]);
        }

        var initial = domain.Initial;
        if (initial.Kind == InitialVorticityKind.GaussianRandomField)
        {
            var sigma = initial.Amplitude * GaussianRandomField.DefaultSigma(initial.Alpha, initial.Tau);
            GaussianRandomField.SampleCoefficients(N, domain.Length, initial.Alpha, initial.Tau, sigma, seed).CopyTo(_state, 0);
            Synchronise();
        }
        else
        {
            var omega = new double[count];
            Sample(omega, (x, y) => VorticityAnalytic.InitialValue(domain, x, y));
            SetVorticity(omega);
        }
    }

    public VorticityDomain Domain { get; }
    public SpectralGrid Spectral { get; }

    /// <summary>Grid points per side.</summary>
    public int N { get; }

    /// <summary>Field shape in C order, [n, n] (rows are y).</summary>
    public int[] Shape => [N, N];

    /// <summary>Simulated time since the initial condition, s.</summary>
    public double Time { get; private set; }

    /// <summary>Vorticity ω at x = i·L/n, y = j·L/n, index j·n + i, 1/s.</summary>
    public double[] Vorticity { get; }
    /// <summary>Velocity along x, u = ∂ψ/∂y, m/s.</summary>
    public double[] U { get; }
    /// <summary>Velocity along y, v = −∂ψ/∂x, m/s.</summary>
    public double[] V { get; }
    /// <summary>Streamfunction ψ, ∇²ψ = −ω with zero mean, m²/s.</summary>
    public double[] Streamfunction { get; }

    /// <summary>The Fourier coefficients W of ω (ω = Σ W_k e^(iκ·x)), FFT order.</summary>
    public ReadOnlySpan<Complex> Coefficients => _state;

    /// <summary>½⟨|u|²⟩, the mean kinetic energy per unit mass, m²/s².</summary>
    public double Energy
    {
        get
        {
            double sum = 0;
            for (var k = 0; k < U.Length; k++) sum += U[k] * U[k] + V[k] * V[k];
            return 0.5 * sum / U.Length;
        }
    }

    /// <summary>½⟨ω²⟩, 1/s².</summary>
    public double Enstrophy
    {
        get
        {
            double sum = 0;
            foreach (var w in Vorticity) sum += w * w;
            return 0.5 * sum / Vorticity.Length;
        }
    }

    public double MaxAbsVorticity
    {
        get
        {
            double max = 0;
            foreach (var w in Vorticity) max = Math.Max(max, Math.Abs(w));
            return max;
        }
    }

    /// <summary>(max|u| + max|v|)/Δx of the current fields, 1/s: a substep h has Courant number h times this.</summary>
    public double CourantRate
    {
        get
        {
            double maxU = 0, maxV = 0;
            for (var k = 0; k < U.Length; k++)
            {
                maxU = Math.Max(maxU, Math.Abs(U[k]));
                maxV = Math.Max(maxV, Math.Abs(V[k]));
            }
            return (maxU + maxV) / Domain.Spacing;
        }
    }

    /// <summary>
    /// Replaces the state with the grid values <paramref name="omega"/> (index j·n + i, 1/s). Their mean is dropped:
    /// a periodic velocity field has zero circulation round the domain, so ⟨ω⟩ = 0.
    /// </summary>
    public void SetVorticity(ReadOnlySpan<double> omega)
    {
        if (omega.Length != N * N) throw new ArgumentException($"expected {N}×{N} values, got {omega.Length}", nameof(omega));
        var values = new Complex[N * N];
        for (var k = 0; k < values.Length; k++) values[k] = omega[k];
        ToCoefficients(values, _state);
        _state[0] = 0;
        Synchronise();
    }

    /// <summary>
    /// Advances by <paramref name="dt"/> seconds in as few equal substeps as keep the Courant number of the current
    /// flow at or below <see cref="VorticityDomain.MaxCfl"/>.
    /// </summary>
    public VorticityStepReport Step(double dt)
    {
        var needed = Math.Max(1, (int)Math.Ceiling(dt * CourantRate / Domain.MaxCfl));
        if (!(needed <= Domain.MaxSubsteps))
            throw new PhysMLException(ErrorCodes.InvalidValue, ErrorCategory.BadInput,
                $"the vorticity step needs {needed} substeps of time.dt = {dt:G4} s to keep the Courant number at " +
                $"vorticityDomain.maxCfl = {Domain.MaxCfl} (max|u| + max|v| = {CourantRate * Domain.Spacing:G4} m/s, " +
                $"Δx = {Domain.Spacing:G4} m), more than maxSubsteps = {Domain.MaxSubsteps}. Reduce time.dt or the " +
                "initial amplitude, or raise maxSubsteps.");
        return Step(dt, needed);
    }

    /// <summary>Advances by <paramref name="dt"/> seconds in exactly <paramref name="substeps"/> equal substeps.</summary>
    public VorticityStepReport Step(double dt, int substeps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(substeps, 1);
        var h = dt / substeps;
        PrepareDecay(h);
        double fastest = 0;
        for (var s = 0; s < substeps; s++)
        {
            Substep(h);
            fastest = Math.Max(fastest, _stageSpeed);
        }
        Time += dt;
        Synchronise();
        fastest = Math.Max(fastest, CourantRate);
        return new VorticityStepReport(substeps, h * fastest);
    }

    // IF-RK2 (see the class summary): W* = E(W + hN(W)), W ← ½(EW + W* + hN(W*)).
    private void Substep(double h)
    {
        var state = _state;
        var stage = _stage;
        var rate = _rate;
        var decay = _decay;
        EvaluateRate(state, rate);
        double fastest = _stageSpeed;
        for (var k = 0; k < state.Length; k++)
        {
            stage[k] = decay[k] * (state[k] + h * rate[k]);
            state[k] *= decay[k];
        }
        EvaluateRate(stage, rate);
        _stageSpeed = Math.Max(fastest, _stageSpeed);
        for (var k = 0; k < state.Length; k++) state[k] = 0.5 * (state[k] + stage[k] + h * rate[k]);
    }

    /// <summary>rate = N(w) = −P₂/₃·F[u·∇ω] + F[f], with u and ∇ω from w; also records (max|u| + max|v|)/Δx.</summary>
    private void EvaluateRate(Complex[] w, Complex[] rate)
    {
        var velocity = _velocity;
        var gradient = _gradient;
        var dx = Spectral.DerivativeX;
        var dy = Spectral.DerivativeY;
        var inverseK2 = Spectral.InverseWavenumberSquared;
        for (var k = 0; k < w.Length; k++)
        {
            var a = w[k].Real;
            var b = w[k].Imaginary;
            var p = a * inverseK2[k];
            var q = b * inverseK2[k];
            // û + iv̂ = (iκy − i·iκx)ψ̂ = (κx + iκy)ψ̂;  ∂ω/∂x + i∂ω/∂y → (iκx − κy)ŵ.
            velocity[k] = new Complex(dx[k] * p - dy[k] * q, dx[k] * q + dy[k] * p);
            gradient[k] = new Complex(-dx[k] * b - dy[k] * a, dx[k] * a - dy[k] * b);
        }
        _fft.Inverse(velocity);
        _fft.Inverse(gradient);
        double maxU = 0, maxV = 0;
        for (var k = 0; k < velocity.Length; k++)
        {
            var u = velocity[k].Real;
            var v = velocity[k].Imaginary;
            maxU = Math.Max(maxU, Math.Abs(u));
            maxV = Math.Max(maxV, Math.Abs(v));
            velocity[k] = u * gradient[k].Real + v * gradient[k].Imaginary;
        }
        _stageSpeed = (maxU + maxV) / Domain.Spacing;
        _fft.Forward(velocity);
        var dealias = _dealiasScaled;
        if (_forcing is { } forcing)
            for (var k = 0; k < rate.Length; k++) rate[k] = forcing[k] - dealias[k] * velocity[k];
        else
            for (var k = 0; k < rate.Length; k++) rate[k] = -dealias[k] * velocity[k];
        rate[0] = 0; // ⟨u·∇ω⟩ = ⟨∇·(uω)⟩ = 0 and ⟨f⟩ = 0: keep the mean exactly 0, not roundoff
    }

    private void PrepareDecay(double h)
    {
        if (h == _decayStep) return;
        var nu = Domain.Viscosity;
        var k2 = Spectral.WavenumberSquared;
        for (var k = 0; k < _decay.Length; k++) _decay[k] = Math.Exp(-nu * k2[k] * h);
        _decayStep = h;
    }

    /// <summary>Refreshes ω, ψ, u and v from the coefficients: two inverse FFTs (ω + iψ and u + iv).</summary>
    private void Synchronise()
    {
        var inverseK2 = Spectral.InverseWavenumberSquared;
        var dx = Spectral.DerivativeX;
        var dy = Spectral.DerivativeY;
        for (var k = 0; k < _state.Length; k++)
        {
            var a = _state[k].Real;
            var b = _state[k].Imaginary;
            var p = a * inverseK2[k];
            var q = b * inverseK2[k];
            _gradient[k] = new Complex(a - q, b + p); // Ŵ + iψ̂
            _velocity[k] = new Complex(dx[k] * p - dy[k] * q, dx[k] * q + dy[k] * p);
        }
        _fft.Inverse(_gradient);
        _fft.Inverse(_velocity);
        for (var k = 0; k < _state.Length; k++)
        {
            Vorticity[k] = _gradient[k].Real;
            Streamfunction[k] = _gradient[k].Imaginary;
            U[k] = _velocity[k].Real;
            V[k] = _velocity[k].Imaginary;
        }
    }

    /// <summary>values (overwritten) → coefficients W = F[values]/n² in <paramref name="target"/>.</summary>
    private Complex[] ToCoefficients(double[] values, Complex[] target)
    {
        for (var k = 0; k < values.Length; k++) target[k] = values[k];
        return ToCoefficients(target, target);
    }

    private Complex[] ToCoefficients(Complex[] values, Complex[] target)
    {
        _fft.Forward(values);
        var scale = 1.0 / values.Length;
        for (var k = 0; k < values.Length; k++) target[k] = values[k] * scale;
        return target;
    }

    private void Sample(double[] target, Func<double, double, double> f)
    {
        var h = Domain.Spacing;
        for (var j = 0; j < N; j++)
            for (var i = 0; i < N; i++)
                target[j * N + i] = f(i * h, j * h);
    }
}
