namespace PhysML.Solvers.Learned;

/// <summary>A Poisson solver driven by a learned model, on any backend: what a scene's metrics report about it
/// (<c>model.version</c>, <c>solve.fallbacks</c>).</summary>
public interface ILearnedPoissonSolver : IPoissonSolver
{
    /// <summary>The model in use.</summary>
    ISearchDirectionModel Model { get; }

    /// <summary>Solves finished by the fallback solver because the model broke them, since construction.</summary>
    int Fallbacks { get; }
}
