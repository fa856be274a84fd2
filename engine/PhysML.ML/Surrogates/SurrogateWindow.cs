namespace PhysML.ML.Surrogates;

/// <summary>
/// One training sample cut from a running reference: the field at some time t₀ [S] and the fields at t₀ + k·Δt,
/// k = 0…Times−1, on the surrogate's time grid [Times·S], t-major. Both PDEs the surrogates learn are autonomous (no
/// explicit time dependence: the rod's inlet and the Navier–Stokes forcing are constant), so every such window is as
/// valid an (initial condition → trajectory) pair as one that starts at t = 0.
/// </summary>
public sealed record SurrogateWindow(float[] Initial, float[] Solution);
