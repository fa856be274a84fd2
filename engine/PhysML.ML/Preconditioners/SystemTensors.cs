using PhysML.Solvers;
using PhysML.Solvers.Multigrid;

namespace PhysML.ML.Preconditioners;

/// <summary>
/// One system's tensors, built once and reused across training steps and solves: its stencil, and (for the learned
/// V-cycle, on first use) its multigrid hierarchy. Tied to the operator's <see cref="IPoissonStencil.Version"/>.
/// </summary>
public sealed class SystemTensors(IPoissonStencil a) : IDisposable
{
    private MultigridTensors? _multigrid;

    public IPoissonStencil Operator => a;

    public int Version { get; } = a.Version;

    public StencilTensors Stencil { get; } = new(a);

    public MultigridTensors Multigrid => _multigrid ??= new MultigridTensors(new MultigridHierarchy(a));

    /// <summary>True when these tensors still describe <paramref name="other"/>.</summary>
    public bool Describes(IPoissonStencil other) => ReferenceEquals(other, a) && other.Version == Version;

    public void Dispose()
    {
        Stencil.Dispose();
        _multigrid?.Dispose();
    }
}
