using PhysML.Solvers;
using TorchSharp;
using static TorchSharp.torch;

namespace PhysML.ML.Preconditioners.Training;

/// <summary>
/// Trains a <see cref="PreconditionerNetwork"/> with Adam on <see cref="DirectionLoss"/>: each step takes one system and a
/// batch of its right-hand sides (systems in a seeded random order). Every step runs inside a dispose scope, so memory
/// stays flat however long it trains. The tensors of each operator are built once per operator version.
/// </summary>
public sealed class PreconditionerTrainer : IDisposable
{
    private readonly PreconditionerNetwork _network;
    private readonly TorchSharp.Modules.Adam _optimizer;
    private readonly Dictionary<IPoissonStencil, SystemTensors> _stencils = new(ReferenceEqualityComparer.Instance);

    public PreconditionerTrainer(PreconditionerNetwork network, double learningRate)
    {
        _network = network;
        _optimizer = optim.Adam(network.parameters(), learningRate);
    }

    /// <summary>Steps whose loss was not finite, so no update was made.</summary>
    public int SkippedSteps { get; private set; }

    /// <summary>Steps taken since construction.</summary>
    public int Steps { get; private set; }

    /// <summary>Runs <paramref name="options"/>.Steps steps; reports (step, loss) after each; returns the losses.</summary>
    public IReadOnlyList<double> Train(IReadOnlyList<TrainingSystem> systems, PreconditionerTrainingOptions options,
        Action<int, double>? progress = null, CancellationToken cancel = default)
    {
        if (systems.Count == 0) throw new ArgumentException("no training systems", nameof(systems));
        // A generator per call, seeded by the options and the step count: none of its state outlives the call, so a
        // checkpoint needs only Steps (online training draws the seed from its checkpointed CheckpointableRandom).
        var random = new Random(options.Seed + Steps);
        var losses = new List<double>(options.Steps);
        _network.train();
        for (var step = 0; step < options.Steps && !cancel.IsCancellationRequested; step++)
        {
            var system = systems[random.Next(systems.Count)];
            var loss = Step(system, options.BatchSize, options.UnrolledSteps, random);
            losses.Add(loss);
            progress?.Invoke(step + 1, loss);
        }
        _network.eval();
        return losses;
    }

    /// <summary>The mean loss over every right-hand side of <paramref name="systems"/>, without training.</summary>
    public double Evaluate(IReadOnlyList<TrainingSystem> systems, int unrolled = 0)
    {
        _network.eval();
        using var noGrad = no_grad();
        var total = 0.0;
        var count = 0;
        foreach (var system in systems)
        {
            using var scope = NewDisposeScope();
            var stencil = StencilFor(system);
            total += Loss(system, stencil, system.RightHandSides, system.Solutions, unrolled).item<float>() * system.RightHandSides.Count;
            count += system.RightHandSides.Count;
        }
        return total / count;
    }

    private double Step(TrainingSystem system, int batchSize, int unrolled, Random random)
    {
        using var scope = NewDisposeScope();
        var stencil = StencilFor(system);
        var picked = Enumerable.Range(0, Math.Min(batchSize, system.RightHandSides.Count))
            .Select(_ => random.Next(system.RightHandSides.Count)).ToArray();
        _optimizer.zero_grad();
        var loss = Loss(system, stencil, picked.Select(i => system.RightHandSides[i]).ToArray(),
            system.Solutions is { } x ? picked.Select(i => x[i]).ToArray() : null, unrolled);
        var value = loss.item<float>();
        Steps++;
        // A non-finite loss (a degenerate batch) would poison every weight through Adam's moments: skip the step.
        if (!float.IsFinite(value))
        {
            SkippedSteps++;
            return value;
        }
        loss.backward();
        _optimizer.step();
        return value;
    }

    private Tensor Loss(TrainingSystem system, SystemTensors tensors, IReadOnlyList<double[]> rhs, IReadOnlyList<double[]>? solutions, int unrolled)
    {
        var b = Batch(tensors.Stencil, rhs);
        if (unrolled > 0) return DirectionLoss.UnrolledPcg(_network, tensors, b, unrolled);
        return solutions is null
            ? DirectionLoss.Compute(_network, tensors, b)
            : DirectionLoss.EnergyOf(_network.Directions(tensors, b), tensors.Stencil, b, Batch(tensors.Stencil, solutions));
    }

    private static Tensor Batch(StencilTensors stencil, IReadOnlyList<double[]> rhs)
    {
        var cells = rhs[0].Length;
        var data = new float[rhs.Count * cells];
        for (var s = 0; s < rhs.Count; s++)
            for (var c = 0; c < cells; c++) data[s * cells + c] = (float)rhs[s][c];
        return tensor(data, [rhs.Count, 1, .. stencil.SpatialShape]);
    }

    /// <summary>Writes what the next step depends on besides the network's weights: the step counts (they seed each
    /// call's batch order) and Adam's state (its moments and step count per parameter).</summary>
    public void WriteCheckpoint(BinaryWriter writer)
    {
        writer.Write(Steps);
        writer.Write(SkippedSteps);
        _optimizer.save_state_dict(writer);
    }

    /// <summary>Reads what <see cref="WriteCheckpoint"/> wrote, into a trainer of the same network architecture.</summary>
    public void ReadCheckpoint(BinaryReader reader)
    {
        Steps = reader.ReadInt32();
        SkippedSteps = reader.ReadInt32();
        _optimizer.load_state_dict(reader);
    }

    private SystemTensors StencilFor(TrainingSystem system)
    {
        // Per operator (and its version): online training sees the same operator with new right-hand sides each round.
        if (_stencils.TryGetValue(system.A, out var stencil) && stencil.Describes(system.A)) return stencil;
        stencil?.Dispose();
        // Its tensors are detached from dispose scopes: they live until the operator changes or the trainer goes.
        stencil = new SystemTensors(system.A);
        _stencils[system.A] = stencil;
        return stencil;
    }

    public void Dispose()
    {
        foreach (var stencil in _stencils.Values) stencil.Dispose();
        _optimizer.Dispose();
    }
}
