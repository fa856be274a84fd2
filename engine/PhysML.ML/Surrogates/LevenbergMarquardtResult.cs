using static TorchSharp.torch;

namespace PhysML.ML.Surrogates;

/// <summary>A batched LM solve: the weights [..., N], the objective ½‖r‖² + ½λ‖w‖² and ‖r‖ per batch entry, and the
/// iterations run (the same for every entry: the batch stops when all have converged).</summary>
public sealed record LevenbergMarquardtResult(Tensor Weights, Tensor Objective, Tensor ResidualNorm, int Iterations);
