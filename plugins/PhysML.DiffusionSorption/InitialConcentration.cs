using PhysML.Core.Validation;

namespace PhysML.DiffusionSorption;

/// <summary>The initial concentration (dimensionless, as in PDEBench). Random kinds draw from System.Random seeded
/// with the scene's seed, cells in order from x = 0, so a seed gives one trajectory.</summary>
public readonly record struct InitialConcentration : IValidatable
{
    public InitialConcentration() { }

    public InitialKind Kind { get; init; } = InitialKind.RandomConstant;
    /// <summary>Lower end of the uniform draw (PDEBench: 0).</summary>
    public double Low { get; init; }
    /// <summary>Upper end of the uniform draw (PDEBench: 0.2).</summary>
    public double High { get; init; } = 0.2;
    /// <summary>The value of kind <c>uniform</c>.</summary>
    public double Value { get; init; }

    /// <summary>Fills <paramref name="u"/>; consumes random numbers only for the random kinds.</summary>
    public void Fill(Span<double> u, Random random)
    {
        switch (Kind)
        {
            case InitialKind.Uniform:
                u.Fill(Value);
                break;
            case InitialKind.RandomConstant:
                u.Fill(Low + (High - Low) * random.NextDouble());
                break;
            default:
                for (var i = 0; i < u.Length; i++) u[i] = Low + (High - Low) * random.NextDouble();
                break;
        }
    }

    // Concentrations are ≥ 0: the Freundlich term u^(n_f − 1) has no real value below zero.
    public IEnumerable<FieldError> Validate() =>
        Check.NonNegative("low", Low)
            .Concat(Check.NonNegative("high", High))
            .Concat(Check.NonNegative("value", Value))
            .Concat(High >= Low ? [] : [new FieldError("high", $"must be >= low ({Low}), got {High}")]);
}
