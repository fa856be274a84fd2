using PhysML.Solvers;
using PhysML.Solvers.Multigrid;
using PhysML.Solvers.Pressure;

namespace PhysML.Cli;

/// <summary>
/// The <see cref="SolverTraffic"/> model of <see cref="PhysML.Gpu.Solvers.VulkanPoissonSolver"/>: floats (4 bytes),
/// and the passes of its kernels (shaders/solvers/), which are fused differently from the CPU's. Same conventions: each
/// pass over an array counts once, a stencil's neighbours and a gather's taps come from cache, partial sums (one per
/// 256 cells) are not counted. Iterations run in batches of <c>CheckEvery</c>; nothing is skipped at convergence.
/// Host transfers (b and x up, x down, through staging) are not device memory traffic and are not counted, though
/// their time is in ms/solve.
/// </summary>
internal static class VulkanSolverTraffic
{
    public static SolverTraffic For(PressurePreconditioner kind, int cells, IReadOnlyList<StencilShape> levels, MultigridOptions multigrid, int batch)
    {
        double n = cells;
        // stencil_apply_dot: read p and the 4 stencil arrays, write Ap (6); cg_update: read p, Ap, x, r, write x, r (6);
        // cg_direction: read z, p, write p (3).
        const double cgIteration = 6 + 6 + 3;
        // stencil_residual (read x, b, stencil; write r: 7), dot r·r (2), copy z → p (2).
        const double cgSetup = 7 + 2 + 2;
        var preconditioner = kind switch
        {
            PressurePreconditioner.None => 0,
            PressurePreconditioner.Jacobi => 3 * n, // jacobi_dot: read D⁻¹, r; write z (r·z fused)
            PressurePreconditioner.Multigrid => VCycleWords(levels, multigrid) + 2 * n, // + dot r·z
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no Vulkan kernel"),
        };
        return new SolverTraffic(cgSetup * n + preconditioner, cgIteration * n + preconditioner, 0, sizeof(float), batch);
    }

    /// <summary>
    /// One V-cycle as recorded by VulkanPoissonSolver, with N_l the cells of level l: on every level but the coarsest,
    /// mg_smooth_from_zero (read D⁻¹, b; write x: 3 N_l), 2·Sweeps − 1 fused mg_smooth passes (read the 4 stencil arrays,
    /// D⁻¹, b, x; write the other x: 8 N_l), stencil_residual (7 N_l), mg_restrict (read the interpolation scale and r,
    /// 2 N_l; read the coarse D⁻¹ and write the coarse b, 2 N_{l+1}), mg_prolong (read the scale, read and write x: 3 N_l;
    /// read the coarse x: N_{l+1}); on the coarsest, the sweep from zero and CoarsestSweeps − 1 fused ones; and the
    /// copy of the result into z (2 N_0) when level 0's sweep count leaves it in the ping-pong buffer.
    /// </summary>
    public static double VCycleWords(IReadOnlyList<StencilShape> levels, MultigridOptions options)
    {
        const double fromZero = 3, sweep = 8, residual = 7;
        var words = 0.0;
        for (var l = 0; l < levels.Count; l++)
        {
            double fine = levels[l].CellCount;
            if (l == levels.Count - 1)
            {
                words += fine * (fromZero + sweep * (options.CoarsestSweeps - 1));
                break;
            }
            double coarse = levels[l + 1].CellCount;
            words += fine * (fromZero + sweep * (2 * options.Sweeps - 1) + residual);
            words += 2 * fine + 2 * coarse; // restrict
            words += 3 * fine + coarse;     // prolong
        }
        var fusedSweepsOnLevel0 = levels.Count == 1 ? options.CoarsestSweeps - 1 : 2 * options.Sweeps - 1;
        if (fusedSweepsOnLevel0 % 2 == 1) words += 2 * levels[0].CellCount;
        return words;
    }
}
