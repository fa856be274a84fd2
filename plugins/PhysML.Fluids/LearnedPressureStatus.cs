using PhysML.Core.Diagnostics;
using PhysML.Solvers.Learned;

namespace PhysML.Fluids;

/// <summary>The learned pressure solver of the scene, when it has one: its model version and fallback count go to the
/// frame's metrics (<c>model.version</c>, <c>solve.fallbacks</c>, cumulative).</summary>
internal sealed record LearnedPressureStatus(LearnedPoissonSolver Solver)
{
    public void Record(FrameMetrics metrics)
    {
        metrics.Set("model.version", Solver.Model.Version);
        metrics.Set("solve.fallbacks", Solver.Fallbacks);
    }
}
