using PhysML.Core.Application;
using PhysML.Core.Validation;

namespace PhysML.Pde;

/// <summary>
/// Viscous Burgers' equation u_t + (u²/2)_x = ν·u_xx on a periodic interval [0, L) (scene name <c>burgers1D</c>).
/// u in m/s, lengths in m, <see cref="Viscosity"/> ν in m²/s. The scheme is described on <see cref="Burgers1DSimulation"/>.
/// </summary>
[ReadAtStartup]
public readonly record struct Burgers1D : IValidatable
{
    public Burgers1D() { }

    /// <summary>Cells (the period holds nx cells; x_i = (i + ½)·L/nx).</summary>
    public int Nx { get; init; } = 256;
    /// <summary>Period L, m.</summary>
    public double Length { get; init; } = 2;
    /// <summary>Kinematic viscosity ν, m²/s; 0 is the inviscid equation (shocks held by the Rusanov flux).</summary>
    public double Viscosity { get; init; } = 0.01;
    public BurgersInitial Initial { get; init; } = new();
    public BurgersReconstruction Reconstruction { get; init; } = BurgersReconstruction.VanLeer;

    public double Dx => Length / Nx;

    /// <summary>
    /// dt·(2·max|u|/dx + 2ν/dx²), which must stay ≤ 1: the bound under which each forward-Euler stage of the scheme
    /// (with a TVD reconstruction) is a convex combination of neighbouring values, so max|u| cannot grow, and the
    /// bound checked at startup holds for the whole run.
    /// </summary>
    public static double Courant(double dt, double dx, double viscosity, double maxAbsU) =>
        dt * (2 * maxAbsU / dx + 2 * viscosity / (dx * dx));

    public IEnumerable<FieldError> Validate() =>
        Check.InRange("nx", Nx, 4, 1 << 24)
            .Concat(Check.Positive("length", Length))
            .Concat(Check.NonNegative("viscosity", Viscosity))
            .Concat(Check.Nested("initial", Initial))
            .Concat(Initial.Kind == BurgersInitialKind.ColeHopfX
                ? [new FieldError("initial.kind", "coleHopfX is for burgers2D; in 1D use coleHopf")]
                : []);
}
