using static TorchSharp.torch;

namespace PhysML.ML.Surrogates;

/// <summary>
/// A PDE family a constrained surrogate learns: the grid, how the initial condition becomes the network's input, how
/// the network's output becomes N basis fields, the operators the PDE residual needs, and its boundary rows.
/// </summary>
public interface ISurrogateProblem
{
    /// <summary><c>diffusion-sorption</c> or <c>ns-vorticity</c>.</summary>
    string Name { get; }

    SurrogateGrid Grid { get; }

    IPdeResidual Residual { get; }

    int InputChannels { get; }

    /// <summary>Network output channels for <paramref name="fields"/> basis fields.</summary>
    int OutputChannels(int fields);

    /// <summary>The network input for initial conditions [batch, S] (float32).</summary>
    Tensor NetworkInput(Tensor initial);

    /// <summary>The basis fields [batch, N, Times, S] from the network output.</summary>
    Tensor BasisFields(Tensor output, int fields);

    /// <summary>The operator fields the residual reads, each [batch, N, Times, S], in <see cref="IPdeResidual"/>'s order.</summary>
    Tensor[] OperatorFields(Tensor basis);

    /// <summary>The forcing term of the residual on the grid, [Times, S], or null when it is zero.</summary>
    double[]? SourceField { get; }

    /// <summary>Where the PDE residual is defined, [Times·S] (e.g. not on a wall where the stencil needs a ghost).</summary>
    bool[] CollocationMask { get; }

    /// <summary>
    /// Points of <see cref="CollocationMask"/> that every draw includes for the expert owning them (e.g. the cells whose
    /// residual carries a boundary condition), [Times·S]; null when all points are drawn at random.
    /// </summary>
    bool[]? RequiredCollocation => null;

    /// <summary>Whether the domain wraps around (no boundary rows; the experts' subdomains meet across the wrap).</summary>
    bool Periodic => false;

    /// <summary>
    /// Boundary-condition rows A w = b per expert: A [batch, K, Q, N], b [batch, K, Q], rows of experts away from the
    /// boundary zero; null for a periodic problem.
    /// </summary>
    (Tensor A, Tensor B)? BoundaryRows(Tensor basis, ExpertPartition partition);
}
