namespace PhysML.DiffusionSorption;

/// <summary>
/// How the two boundary conditions enter the cell-centred finite-volume Laplacian, through the value of a ghost cell
/// one dx beyond each end.
/// </summary>
public enum BoundaryStencil
{
    /// <summary>
    /// Exactly as PDEBench's generator (pdebench/data_gen/src/sim_diff_sorp.py, <c>rc_ode</c>): the left ghost holds
    /// the inlet value, u₋₁ = 1, and the right ghost holds u_N = D·(u_{N−2} − u_{N−1})/dx. This puts the Dirichlet value
    /// at x = −dx/2 instead of x = 0 and uses a one-sided gradient for the Cauchy condition, so the scheme is first
    /// order in dx at the walls; choose it to reproduce PDEBench's data.
    /// </summary>
    PdeBench,

    /// <summary>
    /// The conditions imposed at the faces, second order in dx: u(0) = 1 via u₋₁ = 2·1 − u₀, and the Cauchy (Robin)
    /// condition u(1) = −D·∂u/∂x(1) (outflow, PDEBench's sign; see <see cref="DiffusionSorptionRod"/>) via
    /// (u_{N−1} + u_N)/2 = −D·(u_N − u_{N−1})/dx.
    /// </summary>
    SecondOrder,
}
