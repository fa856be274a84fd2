using PhysML.Core.Application;
using PhysML.Core.Validation;
using PhysML.Fields;

namespace PhysML.Pde;

/// <summary>
/// The 2D viscous Burgers' equations u_t + (u·∇)u = ν∇²u for the velocity (u, v) on a periodic square [0, L)²
/// (scene name <c>burgers2D</c>). Velocities in m/s, lengths in m, <see cref="Viscosity"/> ν in m²/s. The scheme is
/// described on <see cref="Burgers2DSimulation"/>.
/// </summary>
[ReadAtStartup]
public readonly record struct Burgers2D : IValidatable
{
    public Burgers2D() { }

    /// <summary>Cells per side.</summary>
    public int N { get; init; } = 128;
    /// <summary>Side L of the periodic square, m.</summary>
    public double Length { get; init; } = 2;
    /// <summary>Kinematic viscosity ν, m²/s; 0 is inviscid.</summary>
    public double Viscosity { get; init; } = 0.01;
    public BurgersInitial Initial { get; init; } = new();
    public BurgersReconstruction Reconstruction { get; init; } = BurgersReconstruction.VanLeer;

    public double Spacing => Length / N;

    public Grid2D Grid => new(N, N, Length, Length);

    /// <summary>dt·(2(max|u| + max|v|)/h + 4ν/h²), which must stay ≤ 1: the 2D form of
    /// <see cref="Burgers1D.Courant"/> (the x and y advection and the 5-point diffusion share one convex combination).</summary>
    public static double Courant(double dt, double h, double viscosity, double maxAbsU, double maxAbsV) =>
        dt * (2 * (maxAbsU + maxAbsV) / h + 4 * viscosity / (h * h));

    public IEnumerable<FieldError> Validate() =>
        Check.InRange("n", N, 4, 8192)
            .Concat(Check.Positive("length", Length))
            .Concat(Check.NonNegative("viscosity", Viscosity))
            .Concat(Check.Nested("initial", Initial));
}
