using PhysML.Core.Application;
using System.Numerics;
using PhysML.Core.Validation;

namespace PhysML.Vorticity;

/// <summary>
/// A periodic square [0, L)² on which 2D incompressible Navier–Stokes is solved in vorticity form (scene name
/// <c>vorticityDomain</c>): ∂ω/∂t + u·∇ω = ν∇²ω + f, ∇²ψ = −ω, u = ∂ψ/∂y, v = −∂ψ/∂x. Pseudo-spectral on n × n
/// points x = i·L/n, y = j·L/n. Lengths in m, <see cref="Viscosity"/> ν in m²/s, ω in 1/s, f in 1/s².
/// </summary>
[ReadAtStartup]
public readonly record struct VorticityDomain : IValidatable
{
    public VorticityDomain() { }

    /// <summary>Grid points per side, a power of two (the FFT's radix-2 path; the 2/3 rule keeps |k| ≤ n/3).</summary>
    public int N { get; init; } = 64;

    /// <summary>Side L of the periodic square, m.</summary>
    public double Length { get; init; } = 1;

    /// <summary>Kinematic viscosity ν, m²/s; 0 gives the inviscid (Euler) equations.</summary>
    public double Viscosity { get; init; } = 1e-3;

    public VorticityForcing Forcing { get; init; } = VorticityForcing.None;

    public InitialVorticity Initial { get; init; } = new();

    /// <summary>
    /// Largest Courant number h·(max|u| + max|v|)/Δx of an internal substep h. The advection step is two-stage
    /// Runge–Kutta, whose stability region touches the imaginary axis only at 0: 0.25 keeps the growth of the highest
    /// kept mode under ~1% per substep before viscosity (see <see cref="VorticitySimulation"/>).
    /// </summary>
    public double MaxCfl { get; init; } = 0.25;

    /// <summary>Most substeps one fixed step may take; a flow that needs more is an error, not a silent blow-up.</summary>
    public int MaxSubsteps { get; init; } = 4096;

    /// <summary>Δx = L/n, m.</summary>
    public double Spacing => Length / N;

    public IEnumerable<FieldError> Validate() =>
        Check.InRange("n", N, 4, 4096)
            .Concat(BitOperations.IsPow2(N) ? [] : [new FieldError("n", $"must be a power of two (the FFT size), got {N}; try {(int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(N, 1))}")])
            .Concat(Check.Positive("length", Length))
            .Concat(Check.NonNegative("viscosity", Viscosity))
            .Concat(Check.Nested("initial", Initial))
            .Concat(ModeErrors())
            .Concat(Check.Positive("maxCfl", MaxCfl))
            .Concat(MaxCfl <= 1 ? [] : [new FieldError("maxCfl", $"must be at most 1 (explicit advection), got {MaxCfl}")])
            .Concat(Check.InRange("maxSubsteps", MaxSubsteps, 1, 1_000_000));

    // A mode must be resolved: |k| < n/2 keeps it below the Nyquist wavenumber.
    private IEnumerable<FieldError> ModeErrors()
    {
        if (Initial.Kind == InitialVorticityKind.GaussianRandomField) yield break;
        if (2 * Initial.ModeX >= N) yield return new FieldError("initial.modeX", $"must be below n/2 = {N / 2}, got {Initial.ModeX}");
        if (2 * Initial.ModeY >= N) yield return new FieldError("initial.modeY", $"must be below n/2 = {N / 2}, got {Initial.ModeY}");
    }
}
