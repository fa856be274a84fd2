using PhysML.Core.Application;
using PhysML.Core.Validation;
using PhysML.Fields;

namespace PhysML.Pde;

/// <summary>
/// A rectangular membrane on which ∂²u/∂t² + γ·∂u/∂t = c²∇²u is solved (scene name <c>waveMembrane</c>).
/// Displacement u in m, lengths in m, <see cref="WaveSpeed"/> c in m/s, <see cref="Damping"/> γ in 1/s.
/// </summary>
[ReadAtStartup]
public readonly record struct WaveMembrane : IValidatable
{
    public WaveMembrane() { }

    /// <summary>Cells along x.</summary>
    public int Nx { get; init; } = 128;
    /// <summary>Cells along y.</summary>
    public int Ny { get; init; } = 128;
    /// <summary>Membrane size along x, m.</summary>
    public double Width { get; init; } = 1;
    /// <summary>Membrane size along y, m.</summary>
    public double Height { get; init; } = 1;
    /// <summary>Wave speed c, m/s.</summary>
    public double WaveSpeed { get; init; } = 1;
    /// <summary>Damping rate γ, 1/s (0: the energy is conserved).</summary>
    public double Damping { get; init; }
    public WaveInitial Initial { get; init; } = new();
    /// <summary>Edge conditions; a clamped membrane (u = 0 on every edge) unless given.</summary>
    public BoxBoundary Boundary { get; init; } = BoxBoundary.All(EdgeCondition.Dirichlet(0));

    public Grid2D Grid => new(Nx, Ny, Width, Height);

    /// <summary>The Courant number c·dt·√(1/dx² + 1/dy²) of a step of <paramref name="dt"/> s; leapfrog needs ≤ 1.</summary>
    public double Courant(double dt) => WaveSpeed * dt * InverseSpacing;

    /// <summary>The largest stable wave speed for a step of <paramref name="dt"/> s: 1 / (dt·√(1/dx² + 1/dy²)).</summary>
    public double MaxWaveSpeed(double dt) => 1 / (dt * InverseSpacing);

    private double InverseSpacing => Math.Sqrt(1 / (Grid.Dx * Grid.Dx) + 1 / (Grid.Dy * Grid.Dy));

    public IEnumerable<FieldError> Validate() =>
        Check.InRange("nx", Nx, 2, 8192)
            .Concat(Check.InRange("ny", Ny, 2, 8192))
            .Concat(Check.Positive("width", Width))
            .Concat(Check.Positive("height", Height))
            .Concat(Check.Positive("waveSpeed", WaveSpeed))
            .Concat(Check.NonNegative("damping", Damping))
            .Concat(Check.Nested("initial", Initial))
            .Concat(BoundaryCheck.Errors("boundary", Boundary));
}
