using PhysML.Solvers.Multigrid;
using PhysML.Solvers.Pressure;
using PhysML.Solvers.Pressure3D;

namespace PhysML.Solvers;

/// <summary>
/// CG on the CPU, plain or preconditioned by Jacobi, MIC(0) or a multigrid V-cycle. The preconditioner is built at
/// the first solve and rebuilt only when the operator's stencil changes (<see cref="IPoissonStencil.Version"/>).
/// </summary>
public sealed class CpuPoissonSolver(PressurePreconditioner preconditioner, SolverOptions options, ParallelOptions? parallel = null)
    : IPoissonSolver
{
    private readonly ConjugateGradient _cg = new(options, parallel);
    private IPreconditioner? _preconditioner;
    private IPoissonStencil? _builtFor;
    private int _builtVersion = -1;

    public const string BackendName = "cpu";

    public string Name => SolverName(Preconditioner);

    public string Backend => BackendName;

    public SolverOptions Options => options;

    public PressurePreconditioner Preconditioner => preconditioner;

    /// <summary>The name a solve with <paramref name="preconditioner"/> reports, in benchmarks and metrics.</summary>
    public static string SolverName(PressurePreconditioner preconditioner) => preconditioner switch
    {
        PressurePreconditioner.None => "cg",
        PressurePreconditioner.Jacobi => "pcg-jacobi",
        PressurePreconditioner.Mic0 => "pcg-mic",
        PressurePreconditioner.Multigrid => "mgpcg",
        _ => throw new ArgumentOutOfRangeException(nameof(preconditioner), preconditioner, null),
    };

    public SolveInfo Solve(IPoissonStencil a, ReadOnlySpan<double> b, Span<double> x) =>
        _cg.Solve(a, b, x, PreconditionerFor(a)) with { Solver = Name };

    private IPreconditioner? PreconditionerFor(IPoissonStencil a)
    {
        if (preconditioner == PressurePreconditioner.None) return null;
        if (_preconditioner is null || !ReferenceEquals(_builtFor, a) || _builtVersion != a.Version)
        {
            _preconditioner = preconditioner switch
            {
                PressurePreconditioner.Jacobi => new JacobiPreconditioner(a.Diagonal.ToArray()),
                PressurePreconditioner.Multigrid => new MultigridPreconditioner(a, default, parallel),
                _ => a switch
                {
                    PressurePoisson2D a2 => new ModifiedIncompleteCholesky2D(a2),
                    PressurePoisson3D a3 => new ModifiedIncompleteCholesky3D(a3),
                    _ => throw new ArgumentException($"MIC(0) is written for the MAC pressure operators, not {a.GetType().Name}", nameof(a)),
                },
            };
            (_builtFor, _builtVersion) = (a, a.Version);
        }
        return _preconditioner;
    }

    public void Dispose() { }
}
