using PhysML.Core.Validation;

namespace PhysML.ML.Surrogates;

/// <summary>The architecture and training settings of a constrained surrogate (stored in its checkpoint).</summary>
public readonly record struct SurrogateSettings : IValidatable
{
    public SurrogateSettings() { }

    public SurrogateMethod Method { get; init; } = SurrogateMethod.Moe;

    /// <summary>The training loss: the paper's physics-informed one by default.</summary>
    public SurrogateLoss Loss { get; init; } = SurrogateLoss.Pde;

    /// <summary>K: 1 for <c>soft</c> and <c>hard</c>; the paper's 4 for <c>moe</c> (2 × 2 in 2D).</summary>
    public int Experts { get; init; } = 4;

    /// <summary>N, the basis functions the network produces (1 for <c>soft</c>: it predicts u itself).</summary>
    public int Basis { get; init; } = 16;

    /// <summary>FNO channels.</summary>
    public int Width { get; init; } = 16;

    /// <summary>Fourier modes kept along the first and second FNO axis.</summary>
    public int Modes1 { get; init; } = 12;
    public int Modes2 { get; init; } = 12;

    public int Layers { get; init; } = 4;

    /// <summary>
    /// MoE only: the network also outputs a trace field g, and each expert's solve gets Dirichlet rows at the faces it
    /// shares with another expert, ½(u(s) + u(s′)) = ½(g(s) + g(s′)) at every t &gt; 0. Without them an expert that
    /// touches no boundary solves a local problem with no lateral condition (see <see cref="ConstrainedSurrogate"/>).
    /// Off here, the paper's layer; <c>physml train|bench surrogate</c> turn it on (<c>--interfaces</c>).
    /// </summary>
    public bool Interfaces { get; init; }

    /// <summary>PDE collocation points per sample, split evenly among the experts, redrawn every training step.</summary>
    public int Points { get; init; } = 1000;

    /// <summary>Initial-condition rows per expert (points at t = 0).</summary>
    public int InitialRows { get; init; } = 64;

    /// <summary>Weight of the initial- and boundary-condition rows against the PDE rows (each of unit weight).</summary>
    public double ConditionWeight { get; init; } = 10;

    /// <summary>Soft constraint with the <see cref="SurrogateLoss.Data"/> loss only: the weight of the mean squared PDE
    /// residual added to the relative L2 error.</summary>
    public double SoftWeight { get; init; } = 1e-3;

    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Global gradient-norm clip.</summary>
    public double ClipNorm { get; init; } = 1;

    public LevenbergMarquardtSettings Solver { get; init; } = new();

    /// <summary>Basis functions the network outputs for this method.</summary>
    public int Fields => Method == SurrogateMethod.Soft ? 1 : Basis;

    /// <summary>Experts the layer uses for this method.</summary>
    public int ExpertCount => Method == SurrogateMethod.Moe ? Experts : 1;

    /// <summary>Whether the layer adds interface rows from a trace field: <see cref="Interfaces"/> on an MoE.</summary>
    public bool UsesInterfaces => Interfaces && Method == SurrogateMethod.Moe && Experts > 1;

    public IEnumerable<FieldError> Validate() =>
        Check.InRange("experts", Experts, 1, 64)
            .Concat(Check.InRange("basis", Basis, 1, 256))
            .Concat(Check.InRange("width", Width, 1, 256))
            .Concat(Check.InRange("modes1", Modes1, 1, 512))
            .Concat(Check.InRange("modes2", Modes2, 1, 512))
            .Concat(Check.InRange("layers", Layers, 1, 16))
            .Concat(Check.InRange("points", Points, 1, 1_000_000))
            .Concat(Check.InRange("initialRows", InitialRows, 1, 1_000_000))
            .Concat(Check.Positive("conditionWeight", ConditionWeight))
            .Concat(Check.NonNegative("softWeight", SoftWeight))
            .Concat(Check.Positive("learningRate", LearningRate))
            .Concat(Check.Positive("clipNorm", ClipNorm))
            .Concat(Check.Nested("solver", Solver));
}
