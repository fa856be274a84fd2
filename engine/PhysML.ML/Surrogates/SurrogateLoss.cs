namespace PhysML.ML.Surrogates;

/// <summary>What a surrogate is trained to minimise.</summary>
public enum SurrogateLoss
{
    /// <summary>
    /// Physics-informed, as in Chalapathi et al. 2024 (PI-SC, PI-HC, PI-HC-MoE): the mean squared PDE residual of the
    /// (constrained) prediction at collocation points drawn apart from the solve's, plus the mean squared weighted
    /// initial- and boundary-condition rows there. The reference solution is not used for training.
    /// </summary>
    Pde,
    /// <summary>Supervised: the relative L2 error against the reference solution (soft adds the weighted mean squared residual).</summary>
    Data,
}
