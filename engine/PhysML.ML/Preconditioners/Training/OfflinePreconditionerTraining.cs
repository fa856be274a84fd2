using PhysML.Solvers;
using PhysML.Solvers.Learned;

namespace PhysML.ML.Preconditioners.Training;

/// <summary>
/// Trains a preconditioner network from scratch: random obstacle layouts (and captured scene systems) → Ritz
/// and divergence-like right-hand sides → Adam; then measures DCDM iterations on
/// held-out layouts before and after. Seeded throughout: the same settings and seed give the same model.
/// </summary>
public static class OfflinePreconditionerTraining
{
    public sealed record Report(PreconditionerNetwork Network, IReadOnlyList<double> Losses, PreconditionerValidation.Result Before,
        PreconditionerValidation.Result After, double MgpcgIterations, long Samples, IReadOnlyList<string> Sources);

    public static Report Run(OfflineTrainingSettings settings, Action<string>? log = null, Action<int, double>? step = null,
        CancellationToken cancel = default, ParallelOptions? parallel = null)
    {
        var seed = settings.Training.Seed;
        if (seed < 0 || (long)seed * 1000 + settings.Layouts >= PreconditionerValidation.FirstHeldOutSeed)
            throw new ArgumentOutOfRangeException(nameof(settings), seed, "the seed must keep training layouts below the held-out range (0 ≤ seed < 999)");
        var systems = new List<TrainingSystem>();
        for (var i = 0; i < settings.Layouts && !cancel.IsCancellationRequested; i++)
        {
            var layout = seed * 1000 + i;
            var a = RandomObstacleSystems.Create(settings.Dimensions, settings.Grid, layout);
            // Divergence-like right-hand sides beside the Ritz ones: the residual a solve stops on is mostly high-frequency.
            var divergenceLike = Enumerable.Range(0, settings.RightHandSides).Select(k => RandomObstacleSystems.RightHandSide(a, layout * 100 + k)).ToArray();
            systems.Add(Prepare(a, divergenceLike, settings, layout, $"random-{settings.Dimensions}d-{settings.Grid} seed {layout}"));
            log?.Invoke($"system {systems.Count}/{settings.Layouts + settings.Captured.Count}: {systems[^1].Source}, {a.Shape}, " +
                        $"{(a.IsSingular ? "closed" : "open")}, {systems[^1].RightHandSides.Count} right-hand sides");
        }
        foreach (var (a, b, source) in settings.Captured)
        {
            systems.Add(Prepare(a, [TrainingSystem.Normalised(b)], settings, systems.Count, source));
            log?.Invoke($"system {systems.Count}/{settings.Layouts + settings.Captured.Count}: {source}, {a.Shape}, captured right-hand side + Ritz");
        }

        var heldOut = PreconditionerValidation.HeldOut(settings.Dimensions, settings.Grid, settings.ValidationLayouts);
        var mgpcg = heldOut.Average(s => new CpuPoissonSolver(PhysML.Solvers.Pressure.PressurePreconditioner.Multigrid,
            new SolverOptions { RelativeTolerance = settings.ValidationTolerance, RecordHistory = false }, parallel).Solve(s.A, s.B, new double[s.A.Size]).Iterations);
        var network = PreconditionerNetwork.Create(settings.Architecture, settings.Dimensions);
        var before = Validate(network, heldOut, settings, parallel);
        log?.Invoke($"held-out: mgpcg {mgpcg:F1} iterations; untrained {settings.Architecture} {before.MeanIterations:F1}");
        IReadOnlyList<double> losses;
        using (var trainer = new PreconditionerTrainer(network, settings.Training.LearningRate))
            losses = trainer.Train(systems, settings.Training, step, cancel);
        var after = Validate(network, heldOut, settings, parallel);
        log?.Invoke($"held-out: trained {settings.Architecture} {after.MeanIterations:F1} iterations (fallbacks {after.Fallbacks})");
        return new Report(network, losses, before, after, mgpcg, systems.Sum(s => (long)s.RightHandSides.Count),
            systems.Select(s => s.Source).ToArray());
    }

    private static TrainingSystem Prepare(IPoissonStencil a, double[][] extra, OfflineTrainingSettings settings, int seed, string source)
    {
        var ritz = RitzVectors.Compute(a, settings.RitzSteps, seed);
        var system = TrainingSystem.FromRitz(a, ritz, settings.RightHandSides, seed, source);
        return extra.Length > 0 ? system with { RightHandSides = [.. extra, .. system.RightHandSides] } : system;
    }

    // The model wraps the network without owning it here: validation must not dispose what training goes on using.
    private static PreconditionerValidation.Result Validate(PreconditionerNetwork network,
        IReadOnlyList<(IPoissonStencil A, double[] B)> heldOut, OfflineTrainingSettings settings, ParallelOptions? parallel)
    {
        var model = network.ToModel(0, parallel);
        return PreconditionerValidation.MeanIterations(model, heldOut, settings.ValidationTolerance, parallel);
    }
}
