using PhysML.Core.Validation;
using PhysML.Fields;

namespace PhysML.Pde;

/// <summary>
/// −∇²u = f on a rectangle with Dirichlet or Neumann edges (scene name <c>poissonProblem</c>), solved at startup and
/// again whenever the component's value changes. Lengths in m; u in any unit, f in u's unit per m².
/// </summary>
public readonly record struct PoissonProblem : IValidatable
{
    public PoissonProblem() { }

    /// <summary>Cells along x.</summary>
    public int Nx { get; init; } = 64;
    /// <summary>Cells along y.</summary>
    public int Ny { get; init; } = 64;
    /// <summary>Size along x, m.</summary>
    public double Width { get; init; } = 1;
    /// <summary>Size along y, m.</summary>
    public double Height { get; init; } = 1;
    public PoissonSource Source { get; init; } = new();
    /// <summary>Edge conditions; u = 0 on every edge unless given. With Neumann on every edge the solution is fixed
    /// up to a constant (we return the one with zero mean) and exists only if ∫f dA + ∮∂u/∂n ds = 0.</summary>
    public BoxBoundary Boundary { get; init; } = BoxBoundary.All(EdgeCondition.Dirichlet(0));
    /// <summary>Relative residual ‖r‖/‖b‖ at which conjugate gradient stops.</summary>
    public double SolverTolerance { get; init; } = 1e-10;
    public int SolverMaxIterations { get; init; } = 20_000;

    public Grid2D Grid => new(Nx, Ny, Width, Height);

    /// <summary>The same problem, point charges compared by value (the record's own equality compares the charges
    /// array by reference): a problem read back from a checkpoint, or set again to equal values, is not re-solved.</summary>
    public bool SameAs(PoissonProblem other) =>
        this with { Source = Source with { Charges = [] } } == other with { Source = other.Source with { Charges = [] } }
        && Source.Charges.AsSpan().SequenceEqual(other.Source.Charges);

    public IEnumerable<FieldError> Validate() =>
        Check.InRange("nx", Nx, 2, 8192)
            .Concat(Check.InRange("ny", Ny, 2, 8192))
            .Concat(Check.Positive("width", Width))
            .Concat(Check.Positive("height", Height))
            .Concat(Check.Nested("source", Source))
            .Concat(ChargesInside())
            .Concat(BoundaryCheck.Errors("boundary", Boundary))
            .Concat(Check.Positive("solverTolerance", SolverTolerance))
            .Concat(Check.InRange("solverMaxIterations", SolverMaxIterations, 1, 10_000_000));

    private IEnumerable<FieldError> ChargesInside()
    {
        for (var i = 0; i < Source.Charges.Length; i++)
        {
            var q = Source.Charges[i];
            if (q.X < 0 || q.X > Width) yield return new FieldError($"source.charges[{i}].x", $"must be in [0, width = {Width}], got {q.X}");
            if (q.Y < 0 || q.Y > Height) yield return new FieldError($"source.charges[{i}].y", $"must be in [0, height = {Height}], got {q.Y}");
        }
    }
}
