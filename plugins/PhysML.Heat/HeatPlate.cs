using PhysML.Core.Application;
using PhysML.Core.Validation;
using PhysML.Fields;

namespace PhysML.Heat;

/// <summary>
/// A rectangular plate on which ∂T/∂t = α∇²T + S is solved (scene name <c>heatPlate</c>).
/// Temperatures in K, lengths in m, <see cref="Diffusivity"/> α in m²/s, sources S in K/s.
/// </summary>
[ReadAtStartup]
public readonly record struct HeatPlate : IValidatable
{
    public HeatPlate() { }

    /// <summary>Cells along x.</summary>
    public int Nx { get; init; } = 64;
    /// <summary>Cells along y.</summary>
    public int Ny { get; init; } = 64;
    /// <summary>Plate size along x, m.</summary>
    public double Width { get; init; } = 1;
    /// <summary>Plate size along y, m.</summary>
    public double Height { get; init; } = 1;
    /// <summary>Thermal diffusivity α, m²/s.</summary>
    public double Diffusivity { get; init; } = 1e-3;
    public HeatScheme Scheme { get; init; } = HeatScheme.Implicit;
    public InitialTemperature Initial { get; init; } = new();
    /// <summary>Edge conditions; insulated (zero-flux Neumann) on every edge unless given.</summary>
    public BoxBoundary Boundary { get; init; } = BoxBoundary.All(EdgeCondition.Neumann(0));
    /// <summary>Relative residual ‖r‖/‖b‖ at which the implicit solve stops.</summary>
    public double SolverTolerance { get; init; } = 1e-10;
    public int SolverMaxIterations { get; init; } = 2000;

    public Grid2D Grid => new(Nx, Ny, Width, Height);

    /// <summary>The largest stable forward-Euler step: dt ≤ 1 / (2α(1/dx² + 1/dy²)).</summary>
    public double MaxExplicitDt => 1 / (2 * Diffusivity * (1 / (Grid.Dx * Grid.Dx) + 1 / (Grid.Dy * Grid.Dy)));

    public IEnumerable<FieldError> Validate() =>
        Check.InRange("nx", Nx, 2, 8192)
            .Concat(Check.InRange("ny", Ny, 2, 8192))
            .Concat(Check.Positive("width", Width))
            .Concat(Check.Positive("height", Height))
            .Concat(Check.Positive("diffusivity", Diffusivity))
            .Concat(Check.Nested("initial", Initial))
            .Concat(EdgeErrors("boundary.left", Boundary.Left))
            .Concat(EdgeErrors("boundary.right", Boundary.Right))
            .Concat(EdgeErrors("boundary.bottom", Boundary.Bottom))
            .Concat(EdgeErrors("boundary.top", Boundary.Top))
            .Concat(Check.Positive("solverTolerance", SolverTolerance))
            .Concat(Check.InRange("solverMaxIterations", SolverMaxIterations, 1, 1_000_000));

    private static IEnumerable<FieldError> EdgeErrors(string field, EdgeCondition edge) =>
        Check.Finite($"{field}.value", edge.Value);
}
