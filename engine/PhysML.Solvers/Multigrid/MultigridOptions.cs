namespace PhysML.Solvers.Multigrid;

/// <summary>
/// The V-cycle of <see cref="MultigridPreconditioner"/>. The defaults were chosen by measurement on the
/// smoke-obstacle-3d sphere system, MGPCG to 1e-6 on 2 threads (fused sweeps): 3 sweeps took 11 iterations and 1.99 s
/// at 128³ (10 at 64³), 2 sweeps 14 and 2.29 s, 1 sweep 20 and 2.32 s.
/// </summary>
public readonly record struct MultigridOptions
{
    public MultigridOptions() { }

    /// <summary>Damped-Jacobi sweeps before the coarse-grid correction; the same number runs after it, which keeps
    /// the V-cycle symmetric (CG needs a symmetric preconditioner).</summary>
    public int Sweeps { get; init; } = 3;

    /// <summary>Jacobi damping ω. 2/3 is the textbook smoother for the 5-point Laplacian (Briggs, A Multigrid Tutorial,
    /// ch. 2), 6/7 smooths best for the 7-point one; 0.8 measured best for both here (MGPCG to 1e-6 on the sphere
    /// system: 12 iterations at 64³ and 14 at 128³ against 14 and 16 with 2/3, Sweeps = 2). Any 0 &lt; ω &lt; 1 keeps
    /// ω·D⁻¹A's spectrum in (0, 2), so each sweep is an A-norm contraction.</summary>
    public double Omega { get; init; } = 0.8;

    /// <summary>Jacobi sweeps (from zero) that stand in for a direct solve on the coarsest level.</summary>
    public int CoarsestSweeps { get; init; } = 16;
}
