namespace PhysML.Solvers.Pressure;

/// <summary>How the pressure solve is preconditioned.</summary>
public enum PressurePreconditioner
{
    /// <summary>Plain conjugate gradient.</summary>
    None,
    /// <summary>Diagonal scaling.</summary>
    Jacobi,
    /// <summary>Modified incomplete Cholesky, MIC(0) (sequential triangular solves).</summary>
    Mic0,
    /// <summary>A geometric multigrid V-cycle (MGPCG): iteration counts that stay flat as the grid grows.</summary>
    Multigrid,
}
