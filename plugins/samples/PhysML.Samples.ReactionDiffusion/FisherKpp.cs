using PhysML.Core.Validation;

namespace PhysML.Samples.ReactionDiffusion;

/// <summary>
/// A Fisher–KPP reaction–diffusion population u on a periodic nx × ny grid of square cells (scene name
/// <c>fisherKpp</c>): ∂u/∂t = D∇²u + r·u(1 − u), with D = <see cref="Diffusivity"/> m²/s and r = <see cref="Rate"/>
/// 1/s. It starts at <see cref="Background"/> everywhere and <see cref="SeedValue"/> in a disc of
/// <see cref="SeedRadius"/> m at the centre (none when 0), and invades the plane as a front of speed 2√(rD).
/// </summary>
public readonly record struct FisherKpp : IValidatable
{
    public FisherKpp() { }

    public int Nx { get; init; } = 64;
    public int Ny { get; init; } = 64;
    /// <summary>m.</summary>
    public double CellSize { get; init; } = 1.0 / 64;
    /// <summary>m²/s.</summary>
    public double Diffusivity { get; init; } = 1e-4;
    /// <summary>1/s.</summary>
    public double Rate { get; init; } = 1;
    public double Background { get; init; }
    public double SeedValue { get; init; } = 1;
    /// <summary>m.</summary>
    public double SeedRadius { get; init; } = 0.05;

    public IEnumerable<FieldError> Validate() =>
        Check.InRange("nx", Nx, 2, 4096).Concat(Check.InRange("ny", Ny, 2, 4096))
            .Concat(Check.Positive("cellSize", CellSize)).Concat(Check.NonNegative("diffusivity", Diffusivity))
            .Concat(Check.NonNegative("rate", Rate)).Concat(Check.Finite("background", Background))
            .Concat(Check.Finite("seedValue", SeedValue)).Concat(Check.NonNegative("seedRadius", SeedRadius));

    /// <summary>The largest stable forward-Euler step, s: diffusion needs dt ≤ h²/(4D) and the reaction dt·r ≤ 1.</summary>
    public double MaxStableDt => Math.Min(Diffusivity > 0 ? CellSize * CellSize / (4 * Diffusivity) : double.PositiveInfinity,
        Rate > 0 ? 1 / Rate : double.PositiveInfinity);
}
