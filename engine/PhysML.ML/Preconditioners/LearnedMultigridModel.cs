using PhysML.Solvers;
using PhysML.Solvers.Learned;
using PhysML.Solvers.Multigrid;
using static TorchSharp.torch;

namespace PhysML.ML.Preconditioners;

/// <summary>
/// The learned V-cycle as the solvers' <see cref="ISearchDirectionModel"/>: for each operator version TorchSharp
/// predicts the per-cell damping once, and the engine's own <see cref="MultigridPreconditioner"/> (multithreaded C#)
/// applies the V-cycle with it at every iteration.
/// </summary>
public sealed class LearnedMultigridModel(LearnedMultigridNetwork network, int version, ParallelOptions? parallel = null)
    : ISearchDirectionModel, ISmootherWeights, IDisposable
{
    private MultigridPreconditioner? _cycle;
    private IPoissonStencil? _builtFor;
    private int _builtVersion = -1;
    private (MultigridLevel Fine, IReadOnlyList<double[]> Weights)? _prepared;

    public string Name => network.Architecture;

    public int Version => version;

    public LearnedMultigridNetwork Network => network;

    public void Propose(IPoissonStencil a, ReadOnlySpan<double> r, Span<double> q) => CycleFor(a).Apply(r, q);

    /// <summary>The V-cycle with the predicted damping for <paramref name="a"/> (built on first use per version).</summary>
    public MultigridPreconditioner CycleFor(IPoissonStencil a)
    {
        if (_cycle is not null && ReferenceEquals(_builtFor, a) && _builtVersion == a.Version) return _cycle;
        if (network.Dimensions != (a.Shape.Nz == 1 ? 2 : 3))
            throw new ArgumentException($"a {network.Dimensions}D model cannot precondition a {a.Shape} system");
        _cycle = new MultigridPreconditioner(a, network.CycleOptions, parallel, For(new MultigridHierarchy(a)));
        (_builtFor, _builtVersion) = (a, a.Version);
        return _cycle;
    }

    /// <summary>
    /// Builds the V-cycle for <paramref name="original"/> (at <paramref name="version"/>) from <paramref name="copy"/>,
    /// an operator with the same content, so that it can run off the frame thread (online training prepares an adopted
    /// model while the scene goes on); the first solve on <paramref name="original"/> then finds it ready.
    /// </summary>
    public void Prepare(IPoissonStencil copy, IPoissonStencil original, int version)
    {
        var hierarchy = new MultigridHierarchy(copy);
        var weights = For(hierarchy);
        var cycle = new MultigridPreconditioner(copy, network.CycleOptions, parallel, weights);
        (_cycle, _builtFor, _builtVersion, _prepared) = (cycle, original, version, (hierarchy.Levels[0], weights));
    }

    /// <summary>The predicted damping of every level (TorchSharp, once per hierarchy), clamped strictly inside (0, 1)
    /// against float rounding at the sigmoid's ends.</summary>
    public IReadOnlyList<double[]> For(MultigridHierarchy hierarchy)
    {
        // The Vulkan solver builds its own hierarchy of the operator Prepare saw: same fine level, same damping, so it
        // takes the prepared weights instead of predicting them again on the frame thread.
        if (_prepared is { } prepared && SameFineLevel(prepared.Fine, hierarchy.Levels[0])) return prepared.Weights;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var tensors = new MultigridTensors(hierarchy);
        return network.Weights(tensors)
            .Select(w => w.contiguous().data<float>().ToArray().Select(v => Math.Clamp((double)v, 1e-6, 1 - 1e-6)).ToArray())
            .ToArray();
    }

    // The hierarchy is a deterministic function of the fine operator, so equal fine levels mean equal hierarchies and
    // the same predicted damping.
    private static bool SameFineLevel(MultigridLevel a, MultigridLevel b) =>
        a.Shape == b.Shape && a.Diagonal.AsSpan().SequenceEqual(b.Diagonal) && a.East.AsSpan().SequenceEqual(b.East)
        && a.North.AsSpan().SequenceEqual(b.North) && a.Front.AsSpan().SequenceEqual(b.Front)
        && a.InverseDiagonal.AsSpan().SequenceEqual(b.InverseDiagonal); // the unknowns (both not yet scaled)

    public void Dispose() => network.Dispose();
}
