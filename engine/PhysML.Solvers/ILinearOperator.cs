namespace PhysML.Solvers;

/// <summary>A square linear operator y = A·x, applied matrix-free.</summary>
public interface ILinearOperator
{
    /// <summary>The number of unknowns.</summary>
    int Size { get; }

    /// <summary>y = A·x. <paramref name="x"/> and <paramref name="y"/> do not overlap.</summary>
    void Apply(ReadOnlySpan<double> x, Span<double> y);
}
