using PhysML.Solvers;
using PhysML.Solvers.Pressure;

namespace PhysML.ML.Preconditioners.Training;

/// <summary>One system the preconditioner trains on: its operator, unit-norm right-hand sides, and where it came from.</summary>
public sealed record TrainingSystem(IPoissonStencil A, IReadOnlyList<double[]> RightHandSides, string Source)
{
    /// <summary>A⁻¹b for each right-hand side, when known (<see cref="WithSolutions"/>): training then minimises the
    /// energy-norm loss (<see cref="DirectionLoss.EnergyOf"/>) instead of the residual one.</summary>
    public IReadOnlyList<double[]>? Solutions { get; init; }

    /// <summary>This system with every right-hand side solved to 1e-10 by MGPCG.</summary>
    public TrainingSystem WithSolutions()
    {
        var solver = new CpuPoissonSolver(PressurePreconditioner.Multigrid, new SolverOptions { RelativeTolerance = 1e-10, MaxIterations = 500 });
        var solutions = RightHandSides.Select(b =>
        {
            var x = new double[b.Length];
            solver.Solve(A, b, x).EnsureConverged($"the training solution of {Source}");
            return x;
        }).ToArray();
        return this with { Solutions = solutions };
    }

    /// <summary>
    /// Right-hand sides b = Σ c_j v_j / ‖·‖ over the Ritz vectors v_j (ascending Ritz value), c_j ~ N(0, 1), with
    /// the lower half of the spectrum weighted 9:1 as in Kaneda et al.: the low modes are what a Krylov method
    /// struggles with and what the network must learn to invert.
    /// </summary>
    public static TrainingSystem FromRitz(IPoissonStencil a, RitzVectors.Result ritz, int count, int seed, string source)
    {
        var random = new Random(seed);
        var m = ritz.Vectors.Length;
        var rhs = new double[count][];
        for (var s = 0; s < count; s++)
        {
            var b = new double[a.Size];
            for (var j = 0; j < m; j++)
                VectorOps.Axpy((j < m / 2 ? 9 : 1) * Gaussian(random), ritz.Vectors[j], b);
            rhs[s] = Normalised(b);
        }
        return new TrainingSystem(a, rhs, source);
    }

    public static double[] Normalised(ReadOnlySpan<double> b)
    {
        var norm = VectorOps.Norm(b);
        var result = b.ToArray();
        if (norm > 0)
            for (var c = 0; c < result.Length; c++) result[c] /= norm;
        return result;
    }

    // Box–Muller: System.Random has no normal sampler; seeded, so training data is reproducible.
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
