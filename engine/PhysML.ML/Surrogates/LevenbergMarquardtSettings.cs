using PhysML.Core.Validation;

namespace PhysML.ML.Surrogates;

/// <summary>How the hard-constraint layer solves min ½‖r(w)‖² + ½·ridge·‖w‖² for the basis weights w.</summary>
public readonly record struct LevenbergMarquardtSettings : IValidatable
{
    public LevenbergMarquardtSettings() { }

    /// <summary>Most LM iterations (each one batched Cholesky solve of the N × N normal equations).</summary>
    public int MaxIterations { get; init; } = 12;

    /// <summary>Ridge λ: keeps the normal matrix positive definite when basis functions are (nearly) dependent.</summary>
    public double Ridge { get; init; } = 1e-6;

    /// <summary>Initial damping μ, relative to the mean diagonal of JᵀJ.</summary>
    public double InitialDamping { get; init; } = 1e-3;

    /// <summary>Stop when ‖Jᵀr + λw‖ falls below this times its first value in every batch entry.</summary>
    public double GradientTolerance { get; init; } = 1e-10;

    public IEnumerable<FieldError> Validate() =>
        Check.InRange("maxIterations", MaxIterations, 1, 1000)
            .Concat(Check.Positive("ridge", Ridge))
            .Concat(Check.Positive("initialDamping", InitialDamping))
            .Concat(Check.Positive("gradientTolerance", GradientTolerance));
}
