using static TorchSharp.torch;

namespace PhysML.ML.Surrogates;

/// <summary>
/// Trains a <see cref="ConstrainedSurrogate"/> with Adam on its <see cref="SurrogateSettings.Loss"/>: by default the
/// paper's physics-informed loss (<see cref="ConstrainedSurrogate.PhysicsLoss"/>) at a second, independent draw of
/// collocation points, so the network is rewarded for bases whose constrained fit satisfies the PDE away from the
/// points it was solved on; or the relative L2 error against the reference solutions (plus, for the soft constraint,
/// the weighted mean squared PDE residual). Fresh collocation points every step.
/// Gradients: non-finite entries (an ill-conditioned solve can produce them) are replaced by 0 and counted in
/// <see cref="NonFiniteGradients"/>, then the global norm is clipped to <see cref="SurrogateSettings.ClipNorm"/>.
/// </summary>
public sealed class SurrogateTrainer : IDisposable
{
    private readonly ConstrainedSurrogate _model;
    private readonly optim.Optimizer _optimizer;
    private readonly CollocationSampler _sampler;

    public SurrogateTrainer(ConstrainedSurrogate model, int seed)
    {
        _model = model;
        _optimizer = optim.Adam(model.parameters(), model.Settings.LearningRate);
        _sampler = new CollocationSampler(model.Problem, model.Partition, seed);
    }

    /// <summary>Steps whose gradient had a NaN or infinite entry (replaced by 0).</summary>
    public int NonFiniteGradients { get; private set; }

    public int Steps { get; private set; }

    /// <summary>One Adam step on the samples <paramref name="batch"/>; returns the loss.</summary>
    public double Step(SurrogateDataset data, IReadOnlyList<int> batch)
    {
        using var scope = NewDisposeScope();
        _model.train();
        _optimizer.zero_grad();
        var (initial, solution) = data.Batch(batch);
        var settings = _model.Settings;
        var points = _sampler.Sample(settings.Points, settings.InitialRows);
        var physics = settings.Loss == SurrogateLoss.Pde;
        var lossPoints = physics ? _sampler.Sample(settings.Points, settings.InitialRows) : null;
        TorchGarbage.Settle();
        var output = _model.Forward(initial, points, lossPoints);
        var loss = physics ? output.PhysicsLoss! : DataLoss(output, solution, settings);
        loss.backward();
        var nonFinite = false;
        using (no_grad())
        {
            foreach (var parameter in _model.parameters())
            {
                if (parameter.grad is not { } grad || grad.isfinite().all().item<bool>()) continue;
                grad.nan_to_num_(0, 0, 0);
                nonFinite = true;
            }
        }
        if (nonFinite) NonFiniteGradients++;
        nn.utils.clip_grad_norm_(_model.parameters(), settings.ClipNorm);
        _optimizer.step();
        Steps++;
        return loss.item<double>();
    }

    private static Tensor DataLoss(SurrogateOutput output, Tensor solution, SurrogateSettings settings)
    {
        var loss = RelativeL2.Mean(output.Prediction, solution);
        return settings.Method == SurrogateMethod.Soft ? loss + settings.SoftWeight * output.PdeResidual.square().mean() : loss;
    }

    /// <summary>
    /// Runs <paramref name="steps"/> steps on batches of <paramref name="batchSize"/> samples, epoch by epoch in an order
    /// shuffled by <paramref name="random"/>; reports (step, loss) after each. Returns the losses.
    /// </summary>
    public IReadOnlyList<double> Train(SurrogateDataset data, int steps, int batchSize, Random random, Action<int, double>? progress = null)
    {
        var losses = new List<double>(steps);
        var order = Enumerable.Range(0, data.Count).ToArray();
        var next = order.Length;
        for (var step = 1; step <= steps; step++)
        {
            var batch = new int[Math.Min(batchSize, data.Count)];
            for (var i = 0; i < batch.Length; i++)
            {
                if (next == order.Length)
                {
                    random.Shuffle(order);
                    next = 0;
                }
                batch[i] = order[next++];
            }
            losses.Add(Step(data, batch));
            progress?.Invoke(step, losses[^1]);
        }
        return losses;
    }

    public void Dispose() => _optimizer.Dispose();
}
