namespace PhysML.Solvers;

/// <summary>
/// CG on the CPU preconditioned by a preconditioner a plugin supplies through a factory (a plugin's own
/// <see cref="IPreconditioner"/>, registered by name with the fluid plugin). Like <see cref="CpuPoissonSolver"/>, the
/// preconditioner is built at the first solve and rebuilt only when the stencil changes (<see cref="IPoissonStencil.Version"/>).
/// </summary>
public sealed class PluginPreconditionedSolver(string preconditionerName, Func<IPoissonStencil, IPreconditioner> factory,
    SolverOptions options, ParallelOptions? parallel = null) : IPoissonSolver
{
    private readonly ConjugateGradient _cg = new(options, parallel);
    private IPreconditioner? _preconditioner;
    private IPoissonStencil? _builtFor;
    private int _builtVersion = -1;

    /// <summary><c>pcg-</c> and the registered name, in metrics and reports.</summary>
    public string Name => "pcg-" + preconditionerName;

    public string Backend => CpuPoissonSolver.BackendName;

    public SolverOptions Options => options;

    public SolveInfo Solve(IPoissonStencil a, ReadOnlySpan<double> b, Span<double> x)
    {
        if (_preconditioner is null || !ReferenceEquals(_builtFor, a) || _builtVersion != a.Version)
        {
            _preconditioner = factory(a);
            (_builtFor, _builtVersion) = (a, a.Version);
        }
        return _cg.Solve(a, b, x, _preconditioner) with { Solver = Name };
    }

    public void Dispose() => (_preconditioner as IDisposable)?.Dispose();
}
