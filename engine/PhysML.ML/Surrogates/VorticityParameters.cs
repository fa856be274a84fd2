namespace PhysML.ML.Surrogates;

/// <summary>
/// 2D Navier–Stokes in vorticity form on the periodic square [0, L)², as the Vorticity plugin solves it:
/// ∂ω/∂t + u·∇ω = ν∇²ω + f, ∇²ψ = −ω, u = ∂ψ/∂y, v = −∂ψ/∂x; <see cref="Points"/>² points x = i·L/n, t ∈ [0, horizon]
/// in <see cref="Times"/> samples. <see cref="Forcing"/> is f on the grid (index j·n + i, 1/s²) or null.
/// </summary>
public sealed record VorticityParameters(int Points, int Times, double Length, double Horizon, double Viscosity, double[]? Forcing);
