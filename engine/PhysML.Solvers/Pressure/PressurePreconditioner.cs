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
}
