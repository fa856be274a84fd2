using PhysML.Solvers;
using PhysML.Solvers.Multigrid;
using PhysML.Solvers.Pressure;

namespace PhysML.Cli;

/// <summary>
/// The memory traffic model of one Poisson solve, from which <c>physml bench solvers</c> computes GB/s: the doubles
/// (8 bytes) each pass of <see cref="PhysML.Solvers.ConjugateGradient"/> and its preconditioners reads and writes,
/// counted once per pass over an array. Conventions: a written array counts once (no write-allocate read: the copy
/// bandwidth it is compared with counts read + write bytes the same way); stencil neighbours (x at i±1, j±1, k±1) and
/// the re-reads inside a fused kernel's row block come from cache and are not counted again. Cache hits across passes
/// are not modelled either, so on a grid whose vectors fit the last-level cache GB/s can exceed the DRAM copy figure.
/// <para>
/// Per solve: <see cref="SetupWords"/> + iterations × <see cref="WordsPerIteration"/>, less <see cref="SkippedWords"/>
/// when it converged (the last iteration stops at the convergence test, before preconditioning and p's update).
/// </para>
/// The Vulkan kernels in shaders/solvers/ mirror these passes; a backend whose passes differ needs its own model.
/// </summary>
internal readonly record struct SolverTraffic(double SetupWords, double WordsPerIteration, double SkippedWords,
    int WordBytes = sizeof(double), int Batch = 1)
{
    /// <summary>Bytes one solve moves. A backend that runs iterations in batches (<see cref="Batch"/>) runs the whole
    /// last batch, converged or not, so its iterations are rounded up to a whole batch.</summary>
    public double BytesPerSolve(int iterations, bool converged)
    {
        var executed = Batch == 1 ? iterations : (iterations + Batch - 1) / Batch * Batch;
        return WordBytes * (SetupWords + executed * WordsPerIteration - (converged && iterations > 0 ? SkippedWords : 0));
    }

    /// <summary>The model of CG preconditioned by <paramref name="kind"/> on <paramref name="cells"/> cells;
    /// <paramref name="multigridLevels"/> (the level shapes, finest first) is read only for <see cref="PressurePreconditioner.Multigrid"/>.</summary>
    public static SolverTraffic For(PressurePreconditioner kind, int cells, IReadOnlyList<StencilShape> multigridLevels, MultigridOptions multigrid)
    {
        double n = cells;
        // CG's loop: A·p (read p, diagonal, east, north, front; write Ap) 6n, p·Ap 2n, x += αp 3n, r −= αAp 3n,
        // r·r n (one vector), p = z + βp 3n.
        var cgIteration = 6 * n + 2 * n + 3 * n + 3 * n + n + 3 * n;
        // Before the loop: ‖b‖ n, A·x 6n, r = b − Ax 3n, p = z (copy) 2n, r·z n (plain: r·r), ‖r‖ n.
        var cgSetup = n + 6 * n + 3 * n + 2 * n + n + n;
        if (kind == PressurePreconditioner.None) return new SolverTraffic(cgSetup, cgIteration, 3 * n);
        var m = PreconditionerWords(kind, n, multigridLevels, multigrid);
        // Preconditioned: z = M⁻¹r once more before the loop and per iteration, and r·z reads two vectors (2n, one
        // more than r·r); a converged solve's last iteration skips M⁻¹r, r·z and p's update.
        return new SolverTraffic(cgSetup + m + n, cgIteration + m + 2 * n, m + 2 * n + 3 * n);
    }

    /// <summary>Doubles one z = M⁻¹r moves.</summary>
    public static double PreconditionerWords(PressurePreconditioner kind, double n, IReadOnlyList<StencilShape> multigridLevels, MultigridOptions multigrid) => kind switch
    {
        PressurePreconditioner.None => 0,
        // z = r / diag: read r, diagonal; write z.
        PressurePreconditioner.Jacobi => 3 * n,
        // ModifiedIncompleteCholesky3D.Apply: forward L·q = r reads r, east, north, front, precon and writes q (6n);
        // backward Lᵀ·z = q reads q, east, north, front, precon and writes z (6n).
        PressurePreconditioner.Mic0 => 12 * n,
        PressurePreconditioner.Multigrid => VCycleWords(multigridLevels, multigrid),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// One V-cycle of <see cref="MultigridPreconditioner"/> (its Cycle and Sweeps), with N_l the cells of level l:
    /// copy r in and z out (2 N_0 each); on every level but the coarsest, the first sweep from zero (read b, D⁻¹;
    /// write x: 3 N_l), Sweeps − 1 fused sweeps before and Sweeps after the correction (each reads b, x, the four
    /// stencil arrays and D⁻¹ and writes the next x: 8 N_l), the residual (reads b, x, stencil; writes r: 7 N_l), the
    /// restriction in three separable passes (x: reads r and the interpolation scale, 2 N_l, writes the x-coarsened
    /// array; y: reads it, writes the xy-coarsened one; z: reads that and the coarse D⁻¹, writes the coarse b, 2 N_{l+1})
    /// and the prolongation (reads the interpolation scale, reads and writes x, 3 N_l; reads the coarse x, N_{l+1});
    /// on the coarsest, one sweep from zero and CoarsestSweeps − 1 fused sweeps.
    /// </summary>
    public static double VCycleWords(IReadOnlyList<StencilShape> levels, MultigridOptions options)
    {
        const double fromZero = 3, fusedSweep = 8, residual = 7;
        double words = 2 * levels[0].CellCount + 2 * levels[0].CellCount;
        for (var l = 0; l < levels.Count; l++)
        {
            var (fine, n) = (levels[l], (double)levels[l].CellCount);
            if (l == levels.Count - 1)
            {
                words += n * (fromZero + fusedSweep * (options.CoarsestSweeps - 1));
                break;
            }
            var coarse = levels[l + 1];
            double alongX = (double)coarse.Nx * fine.Ny * fine.Nz, alongXY = (double)coarse.Nx * coarse.Ny * fine.Nz;
            words += n * (fromZero + fusedSweep * (options.Sweeps - 1) + residual + fusedSweep * options.Sweeps);
            words += 2 * n + alongX + alongX + alongXY + alongXY + 2 * coarse.CellCount; // restrict, three passes
            words += 3 * n + coarse.CellCount;                                           // prolong and add
        }
        return words;
    }
}
