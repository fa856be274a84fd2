using PhysML.Core.Application;
using PhysML.Core.Validation;

namespace PhysML.DiffusionSorption;

/// <summary>
/// A 1D porous column on which PDEBench's diffusion–sorption equation is solved (scene name <c>diffusionSorptionRod</c>).
/// <para>
/// The problem, as PDEBench defines it (Takamoto et al., "PDEBench: An Extensive Benchmark for Scientific Machine
/// Learning", NeurIPS 2022 Datasets and Benchmarks, diffusion–sorption section; the parameter values and the discrete
/// scheme are read from its generator, github.com/pdebench/PDEBench, pdebench/data_gen/configs/diff-sorp.yaml and
/// pdebench/data_gen/src/sim_diff_sorp.py):
/// <code>
///   ∂u/∂t = D / R(u) · ∂²u/∂x²,            x ∈ (0, 1), t ∈ (0, 500] s
///   R(u)  = 1 + (1 − φ)/φ · ρ_s · k · n_f · u^(n_f − 1)        (Freundlich isotherm, retardation factor)
///   u(0, t) = 1,   u(1, t) = D · ∂u/∂x(1, t)                   (as the paper writes the Cauchy condition)
///   u(x, 0) ~ U(0, 0.2)
///   D = 5e-4, φ = 0.29, ρ_s = 2880, k = 3.5e-4, n_f = 0.874, 1024 cells, 101 samples (dt = 5 s)
/// </code>
/// Three details come from the generator, not the paper's formulae, and we follow the generator so that our runs
/// reproduce PDEBench's data:
/// <list type="bullet">
/// <item>the singularity of u^(n_f − 1) at u = 0 is removed by evaluating (u + 1e-6)^(n_f − 1)
/// (<see cref="RetardationEpsilon"/>); we also clamp u at 0 first, a case PDEBench never meets (it would give NaN);</item>
/// <item>the right-hand ghost cell holds D·(u_{N−2} − u_{N−1})/dx, i.e. u = −D·∂u/∂x: an outflow (Robin) condition
/// whose diffusive flux out, −D·∂u/∂x, equals u. The paper's "u = D·∂u/∂x" has the opposite sign, which with u ≥ 0 and
/// u falling towards x = 1 would force u(1) &lt; 0; the generator's sign is the physical one;</item>
/// <item>the initial condition is one random constant for the whole rod (<see cref="InitialKind.RandomConstant"/>).</item>
/// </list>
/// PDEBench integrates the semi-discrete system with scipy's RK45; we use implicit steps (see
/// <see cref="DiffusionSorptionScheme"/>) so that dt is set by accuracy, not stability.
/// </para>
/// Units as PDEBench states them: lengths in m, time in s, D in m²/s, ρ_s in kg/m³; u is a dimensionless concentration.
/// </summary>
[ReadAtStartup]
public readonly record struct DiffusionSorptionRod : IValidatable
{
    public DiffusionSorptionRod() { }

    /// <summary>Cells along the rod (PDEBench: 1024).</summary>
    public int Nx { get; init; } = 1024;
    /// <summary>Rod length, m (PDEBench: 1).</summary>
    public double Length { get; init; } = 1;
    /// <summary>Effective diffusion coefficient D, m²/s (PDEBench: 5e-4).</summary>
    public double Diffusivity { get; init; } = 5e-4;
    /// <summary>Porosity φ, in (0, 1] (PDEBench: 0.29).</summary>
    public double Porosity { get; init; } = 0.29;
    /// <summary>Dry bulk density ρ_s, kg/m³ (PDEBench: 2880).</summary>
    public double BulkDensity { get; init; } = 2880;
    /// <summary>Freundlich coefficient k (PDEBench: 3.5e-4); 0 switches sorption off (R ≡ 1, the heat equation).</summary>
    public double FreundlichK { get; init; } = 3.5e-4;
    /// <summary>Freundlich exponent n_f (PDEBench: 0.874).</summary>
    public double FreundlichExponent { get; init; } = 0.874;
    /// <summary>u(0, t), the inlet concentration (PDEBench's <c>sol</c>, the solubility: 1).</summary>
    public double InletConcentration { get; init; } = 1;
    /// <summary>ε in (u + ε)^(n_f − 1), which keeps R finite at u = 0 (PDEBench: 1e-6).</summary>
    public double RetardationEpsilon { get; init; } = 1e-6;
    public InitialConcentration Initial { get; init; } = new();
    public DiffusionSorptionScheme Scheme { get; init; } = DiffusionSorptionScheme.Implicit;
    public BoundaryStencil Boundary { get; init; } = BoundaryStencil.PdeBench;
    /// <summary>Newton stops when the largest update |δu| falls to this.</summary>
    public double NonlinearTolerance { get; init; } = 1e-10;
    public int MaxNonlinearIterations { get; init; } = 50;

    public double Dx => Length / Nx;

    /// <summary>(1 − φ)/φ · ρ_s · k · n_f, the prefactor of u^(n_f − 1) in R(u).</summary>
    public double SorptionCoefficient => (1 - Porosity) / Porosity * BulkDensity * FreundlichK * FreundlichExponent;

    /// <summary>R(u) as PDEBench evaluates it: 1 + c·(max(u, 0) + ε)^(n_f − 1).</summary>
    public double Retardation(double u)
    {
        var c = SorptionCoefficient;
        return c == 0 ? 1 : 1 + c * Math.Pow(Math.Max(u, 0) + RetardationEpsilon, FreundlichExponent - 1);
    }

    public IEnumerable<FieldError> Validate() =>
        Check.InRange("nx", Nx, 3, 1 << 24)
            .Concat(Check.Positive("length", Length))
            .Concat(Check.Positive("diffusivity", Diffusivity))
            .Concat(Porosity > 0 && Porosity <= 1 ? [] : [new FieldError("porosity", $"must be in (0, 1], got {Porosity}")])
            .Concat(Check.NonNegative("bulkDensity", BulkDensity))
            .Concat(Check.NonNegative("freundlichK", FreundlichK))
            .Concat(Check.Positive("freundlichExponent", FreundlichExponent))
            .Concat(Check.NonNegative("inletConcentration", InletConcentration))
            .Concat(Check.Positive("retardationEpsilon", RetardationEpsilon))
            .Concat(Check.Nested("initial", Initial))
            .Concat(Check.Positive("nonlinearTolerance", NonlinearTolerance))
            .Concat(Check.InRange("maxNonlinearIterations", MaxNonlinearIterations, 1, 10_000));
}
