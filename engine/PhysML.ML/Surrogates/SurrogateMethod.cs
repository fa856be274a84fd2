namespace PhysML.ML.Surrogates;

/// <summary>How a surrogate enforces the PDE (Chalapathi et al. 2024, Table 1's three columns).</summary>
public enum SurrogateMethod
{
    /// <summary>The PDE residual as a penalty in the loss only (PINN-style soft constraint); the network predicts u.</summary>
    Soft,
    /// <summary>One hard-constraint layer over the whole domain (K = 1).</summary>
    Hard,
    /// <summary>K hard-constraint experts on non-overlapping subdomains, solved batched.</summary>
    Moe,
}
