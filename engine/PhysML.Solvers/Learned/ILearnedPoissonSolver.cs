namespace PhysML.Solvers.Learned;

/// <summary>A Poisson solver driven by a learned model, on any backend: what a scene's metrics report about it
/// (<c>model.version</c>, <c>solve.fallbacks</c>).</summary>
public interface ILearnedPoissonSolver : IPoissonSolver
{
    /// <summary>The model in use.</summary>
    ISearchDirectionModel Model { get; }

    /// <summary>Solves finished by the fallback solver because the model broke them, since the run started (a resumed
    /// run sets it to the count its checkpoint carries).</summary>
    int Fallbacks { get; set; }
}
