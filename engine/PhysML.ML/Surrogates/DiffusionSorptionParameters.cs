namespace PhysML.ML.Surrogates;

/// <summary>
/// PDEBench's diffusion–sorption equation as the surrogate constrains it (the plugin's DiffusionSorptionRod supplies
/// the values): ∂u/∂t = D/R(u)·∂²u/∂x², R(u) = 1 + c·(max(u, 0) + ε)^(n_f − 1), u(0, t) = inlet,
/// u(L, t) = −D·∂u/∂x(L, t), on cell centres x_i = (i + ½)·L/Nx and t ∈ [0, horizon]. D in m²/s, L in m, horizon in s.
/// The PDE is not collocated at samples t ≤ <paramref name="TransientSeconds"/> (t &gt; 0): PDEBench's initial
/// condition violates both boundary conditions, and the boundary layers that form in the first tens of seconds are
/// faster than the samples resolve, so the reference itself does not satisfy the differenced PDE there (see
/// <see cref="DiffusionSorptionProblem"/>).
/// </summary>
public sealed record DiffusionSorptionParameters(int Cells, int Times, double Length, double Horizon, double Diffusivity,
    double SorptionCoefficient, double FreundlichExponent, double RetardationEpsilon, double Inlet, double TransientSeconds = 0);
