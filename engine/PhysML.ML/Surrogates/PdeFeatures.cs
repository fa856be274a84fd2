using static TorchSharp.torch;

namespace PhysML.ML.Surrogates;

/// <summary>
/// The basis functions' linear operators at each expert's collocation points, float64: <see cref="Operators"/>[i] is
/// [batch, K, P, N] (operator i applied to basis function n at point p of expert k), <see cref="Source"/> is [batch, K, P]
/// (a known forcing term, zeros when the PDE has none). Computed once per forward pass; LM only re-weights them.
/// </summary>
public sealed record PdeFeatures(Tensor[] Operators, Tensor Source);
