namespace PhysML.Solvers;

/// <summary>
/// An operator that can also apply itself to arrays with several threads (spans cannot cross into worker threads).
/// Each output element must be computed by one thread from read-only inputs, so the result equals
/// <see cref="ILinearOperator.Apply"/>'s bit for bit.
/// </summary>
public interface IParallelLinearOperator : ILinearOperator
{
    void Apply(double[] x, double[] y, ParallelOptions parallel);
}
