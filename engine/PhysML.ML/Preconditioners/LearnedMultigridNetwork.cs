using PhysML.Solvers.Learned;
using PhysML.Solvers.Multigrid;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PhysML.ML.Preconditioners;

/// <summary>
/// The cheap default: the engine's multigrid V-cycle with its smoother damping predicted per cell, on every level, by
/// a small convolutional network from the local stencil (the unknown flag, the diagonal and the couplings to the 4 or
/// 6 neighbours), after Lan et al. (ICML 2024), who learn per-cell multigrid kernels from the cell flags.
/// <para>
/// Why this shape: the weights depend only on the operator, so they are predicted once per obstacle layout and the
/// solve itself costs exactly one V-cycle per iteration, with no network in the loop. The damping is a sigmoid, so
/// 0 &lt; ω &lt; 1 and the V-cycle stays symmetric positive definite: with CG (or DCDM, which reduces to PCG for a linear
/// SPD map) convergence is guaranteed whatever the training did. The last layer starts at zero and each level's bias at
/// logit(0.8), so the untrained network is exactly the classical V-cycle (ω = 0.8) and training can only tune it.
/// Two variants: <c>mg-learned</c> runs MGPCG's 3 sweeps per level (so training can only improve on MGPCG's
/// iterations at the same cost), <c>mg-learned-lite</c> runs 2 (a cheaper cycle the learned damping has to make up for).
/// </para>
/// </summary>
public sealed class LearnedMultigridNetwork : PreconditionerNetwork
{
    public const string ArchitectureName = "mg-learned";
    public const string LiteArchitectureName = "mg-learned-lite";
    private const int Hidden = 8;
    private const int MaxLevels = 16;

    private readonly Module<Tensor, Tensor> _first, _second, _last;
    private readonly TorchSharp.Modules.Parameter _levelBias;

    public LearnedMultigridNetwork(int dimensions, bool lite = false) : base(lite ? LiteArchitectureName : ArchitectureName, dimensions)
    {
        Sweeps = lite ? 2 : new MultigridOptions().Sweeps;
        var features = 2 + 2 * dimensions;
        _first = Convolution(features, Hidden);
        _second = Convolution(Hidden, Hidden);
        _last = Convolution(Hidden, 1);
        using (no_grad())
        {
            foreach (var p in _last.parameters()) p.zero_();
        }
        _levelBias = Parameter(full(MaxLevels, Math.Log(0.8 / 0.2), ScalarType.Float32));
        RegisterComponents();
    }

    /// <summary>Damped-Jacobi sweeps per level before and after the coarse correction.</summary>
    public int Sweeps { get; }

    /// <summary>The V-cycle these weights are for.</summary>
    public MultigridOptions CycleOptions => new() { Sweeps = Sweeps };

    /// <summary>The damping ω per level (finest first), each [1, 1, ...] of that level's shape, in (0, 1).</summary>
    public Tensor[] Weights(MultigridTensors multigrid)
    {
        if (multigrid.LevelCount > MaxLevels)
            throw new ArgumentException($"{multigrid.LevelCount} multigrid levels; the learned V-cycle has {MaxLevels}");
        var weights = new Tensor[multigrid.LevelCount];
        for (var l = 0; l < weights.Length; l++)
        {
            var hidden = functional.relu(_first.call(Features(multigrid.Stencil(l))));
            hidden = functional.relu(_second.call(hidden));
            weights[l] = functional.sigmoid(_last.call(hidden) + _levelBias[l]);
        }
        return weights;
    }

    public override Tensor Directions(SystemTensors system, Tensor b) =>
        system.Multigrid.Cycle(b, Weights(system.Multigrid), CycleOptions);

    public override ISearchDirectionModel ToModel(int version, ParallelOptions? parallel = null) =>
        new LearnedMultigridModel(this, version, parallel);

    // Per cell: the unknown flag, the diagonal over 2d, and the coupling across each of the 2d faces.
    private static Tensor Features(StencilTensors stencil)
    {
        var channels = new List<Tensor> { stencil.Unknown, stencil.Diagonal / (2.0 * stencil.Dimensions) };
        for (var axis = 0; axis < stencil.Couplings.Count; axis++)
        {
            var coupling = stencil.Couplings[axis];
            channels.Add(coupling);
            channels.Add(coupling.roll(1, -1 - axis)); // the coupling across the cell's − face
        }
        return cat(channels, 1);
    }
}
