using static TorchSharp.torch;

namespace PhysML.ML.Surrogates;

/// <summary>
/// Where one forward pass constrains the PDE: <see cref="Pde"/> [K, P] flat space-time indices t·S + s of each expert's
/// collocation points, <see cref="Initial"/> [K, Q] spatial indices of each expert's initial-condition rows.
/// </summary>
public sealed record CollocationPoints(Tensor Pde, Tensor Initial);
