using PhysML.Solvers;

namespace PhysML.ML.Preconditioners.Training;

/// <summary>One pressure system a scene solved: its operator (a private copy when the scene's may change) and its
/// right-hand side.</summary>
public sealed record PressureSample(IPoissonStencil A, double[] B);
