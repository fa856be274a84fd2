namespace PhysML.Solvers.Learned;

/// <summary>How a search-direction model drives a solve.</summary>
public enum LearnedMethod
{
    /// <summary>Deep conjugate directions (Kaneda et al. 2023): the model's output is the search direction.</summary>
    Dcdm,
    /// <summary>Flexible PCG: the model's output is the preconditioned residual, β by Polak–Ribière.</summary>
    FlexiblePcg,
}
