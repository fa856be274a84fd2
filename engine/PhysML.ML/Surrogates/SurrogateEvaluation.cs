using System.Diagnostics;
using static TorchSharp.torch;

namespace PhysML.ML.Surrogates;

/// <summary>
/// Held-out figures of a surrogate: mean relative L2 error, the RMS PDE residual per expert at the collocation points
/// after the solve, and the wall-clock ms of one inference (network + solve) per sample.
/// </summary>
public sealed record SurrogateEvaluation(double RelativeL2, double[] ResidualPerExpert, double InferMs, int SolverIterations)
{
    /// <summary>Evaluates every sample of <paramref name="data"/> one at a time, with collocation points from
    /// <paramref name="seed"/> (the same for every model compared).</summary>
    public static SurrogateEvaluation Of(ConstrainedSurrogate model, SurrogateDataset data, int seed)
    {
        model.eval();
        using var noGrad = no_grad();
        var sampler = new CollocationSampler(model.Problem, model.Partition, seed);
        var settings = model.Settings;
        double error = 0, ms = 0;
        var iterations = 0;
        var residual = new double[model.Partition.Experts];
        for (var i = 0; i < data.Count; i++)
        {
            using var scope = NewDisposeScope();
            var (initial, solution) = data.Batch([i]);
            var points = sampler.Sample(settings.Points, settings.InitialRows);
            TorchGarbage.Settle();
            var start = Stopwatch.GetTimestamp();
            var output = model.Forward(initial, points);
            ms += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            error += Surrogates.RelativeL2.Mean(output.Prediction, solution).item<double>();
            iterations = Math.Max(iterations, output.SolverIterations);
            var perExpert = output.ResidualPerExpert();
            for (var k = 0; k < residual.Length; k++) residual[k] += perExpert[k] * perExpert[k] / data.Count;
        }
        return new SurrogateEvaluation(error / data.Count, residual.Select(Math.Sqrt).ToArray(), ms / data.Count, iterations);
    }

    /// <summary>RMS PDE residual per expert of the reference solutions themselves at the same points as
    /// <see cref="Of"/> draws: the floor below which the constraint cannot usefully push a prediction.</summary>
    public static double[] ReferenceResidual(ConstrainedSurrogate model, SurrogateDataset data, int seed)
    {
        using var noGrad = no_grad();
        var sampler = new CollocationSampler(model.Problem, model.Partition, seed);
        var residual = new double[model.Partition.Experts];
        for (var i = 0; i < data.Count; i++)
        {
            using var scope = NewDisposeScope();
            var (_, solution) = data.Batch([i]);
            var points = sampler.Sample(model.Settings.Points, model.Settings.InitialRows);
            var perExpert = model.ResidualOf(solution, points).square().mean([0, 2]).cpu().data<double>().ToArray();
            for (var k = 0; k < residual.Length; k++) residual[k] += perExpert[k] / data.Count;
        }
        return residual.Select(Math.Sqrt).ToArray();
    }
}
