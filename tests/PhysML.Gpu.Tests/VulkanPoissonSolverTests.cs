using PhysML.Gpu.Solvers;
using PhysML.Solvers;
using PhysML.Solvers.Pressure;
using PhysML.Solvers.Tests;
using Xunit.Abstractions;

namespace PhysML.Gpu.Tests;

/// <summary>
/// The Vulkan solvers against the CPU ones on the same obstacle systems, with the validation layer on: any message
/// fails. CPU references are solved to 1e-10 in double; the GPU solves in float to 1e-7, so the comparison measures the
/// float arithmetic and not the stopping point (at 1e-6 the iterate itself can differ from the solution by ~1e-5).
/// </summary>
[Collection(GpuCollection.Name)]
public sealed class VulkanPoissonSolverTests(ITestOutputHelper output) : IDisposable
{
    private readonly VulkanContext _context = new(VulkanDeviceOptions.Validated);

    public void Dispose()
    {
        _context.Dispose();
        Assert.Empty(_context.ValidationMessages);
    }

    private static double[] CpuSolution(IPoissonStencil a, double[] b)
    {
        var x = new double[b.Length];
        var info = new CpuPoissonSolver(PressurePreconditioner.Multigrid, new SolverOptions { RelativeTolerance = 1e-10, MaxIterations = 500 }).Solve(a, b, x);
        Assert.True(info.Converged);
        return x;
    }

    // Removes the mean over unknowns: a closed box's solution is defined up to a constant.
    private static void RemoveMean(IPoissonStencil a, double[] x)
    {
        var (sum, count) = (0.0, 0);
        for (var n = 0; n < x.Length; n++) if (a.IsUnknown(n)) { sum += x[n]; count++; }
        for (var n = 0; n < x.Length; n++) if (a.IsUnknown(n)) x[n] -= sum / count;
    }

    public static TheoryData<PressurePreconditioner, bool, bool> Cases()
    {
        var data = new TheoryData<PressurePreconditioner, bool, bool>();
        foreach (var preconditioner in new[] { PressurePreconditioner.None, PressurePreconditioner.Jacobi, PressurePreconditioner.Multigrid })
            foreach (var threeD in new[] { false, true })
                data.Add(preconditioner, threeD, false);
        data.Add(PressurePreconditioner.Multigrid, true, true);
        data.Add(PressurePreconditioner.None, false, true);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_solver_agrees_with_the_CPU_to_1e_5_on_obstacle_systems(PressurePreconditioner preconditioner, bool threeD, bool closed)
    {
        IPoissonStencil a;
        double[] b;
        if (threeD) (a, b) = ObstacleSystems.Sphere3D(24, closed);
        else (a, b) = ObstacleSystems.Disk2D(64, closed);
        var reference = CpuSolution(a, b);

        using var solver = new VulkanPoissonSolver(_context, preconditioner, new SolverOptions { RelativeTolerance = 1e-7, MaxIterations = 2000 });
        var x = new double[b.Length];
        var info = solver.Solve(a, b, x);
        if (closed)
        {
            RemoveMean(a, x);
            RemoveMean(a, reference);
        }
        var error = VectorOps.RelativeError(x, reference);
        output.WriteLine($"{solver.Name} on {solver.DeviceName}, {a.Size} cells, closed={closed}: {info.Iterations} iterations, " +
                         $"‖r‖/‖b‖ {info.RelativeResidual:E2}, relative error vs CPU {error:E2}");
        Assert.True(info.Converged, $"{info.Iterations} iterations, residual {info.RelativeResidual:E2}");
        Assert.Equal(info.Iterations + 1, info.ResidualHistory.Count);
        Assert.InRange(error, 0, 1e-5);
    }

    [Fact]
    public void The_GPU_iterates_like_the_CPU_MGPCG()
    {
        // Same method, same hierarchy: float rounding may move the stopping point by an iteration, not more.
        var (a, b) = ObstacleSystems.Sphere3D(32);
        var options = new SolverOptions { RelativeTolerance = 1e-6, MaxIterations = 200 };
        var cpu = new CpuPoissonSolver(PressurePreconditioner.Multigrid, options).Solve(a, b, new double[b.Length]);
        using var solver = new VulkanPoissonSolver(_context, PressurePreconditioner.Multigrid, options);
        var gpu = solver.Solve(a, b, new double[b.Length]);
        output.WriteLine($"CPU {cpu.Iterations}, GPU {gpu.Iterations} iterations");
        Assert.InRange(gpu.Iterations, cpu.Iterations - 1, cpu.Iterations + 1);
    }

    [Fact]
    public void Two_solves_give_bitwise_identical_results_whatever_the_batch_size()
    {
        var (a, b) = ObstacleSystems.Sphere3D(20);
        var options = new SolverOptions { RelativeTolerance = 1e-6, MaxIterations = 500 };
        double[] Run(int checkEvery)
        {
            using var solver = new VulkanPoissonSolver(_context, PressurePreconditioner.Multigrid, options, checkEvery: checkEvery);
            var x = new double[b.Length];
            solver.Solve(a, b, x);
            return x;
        }
        var first = Run(8);
        Assert.Equal(first, Run(8));
        // Iterations after convergence are no-ops (α = β = 0), so checking every iteration changes no bit either.
        Assert.Equal(first, Run(1));
    }

    [Fact]
    public void A_warm_start_and_a_rebuilt_stencil_are_honoured()
    {
        var (a, b) = ObstacleSystems.Disk2D(48);
        var options = new SolverOptions { RelativeTolerance = 1e-6, MaxIterations = 500 };
        using var solver = new VulkanPoissonSolver(_context, PressurePreconditioner.Jacobi, options);
        var x = new double[b.Length];
        var cold = solver.Solve(a, b, x);
        var warm = solver.Solve(a, b, x);
        Assert.True(warm.Iterations < cold.Iterations / 4, $"warm {warm.Iterations} vs cold {cold.Iterations}");
        // A different system through the same solver: the stencil is uploaded again.
        var (a2, b2) = ObstacleSystems.Sphere3D(12);
        var x2 = new double[b2.Length];
        Assert.True(solver.Solve(a2, b2, x2).Converged);
        Assert.InRange(VectorOps.RelativeError(x2, CpuSolution(a2, b2)), 0, 1e-5);
    }

    [Fact]
    public void An_iteration_cap_reports_not_converged_with_its_history()
    {
        var (a, b) = ObstacleSystems.Sphere3D(16);
        using var solver = new VulkanPoissonSolver(_context, PressurePreconditioner.None, new SolverOptions { RelativeTolerance = 1e-12, MaxIterations = 5 });
        var info = solver.Solve(a, b, new double[b.Length]);
        Assert.False(info.Converged);
        Assert.Equal(5, info.Iterations);
        Assert.Equal(6, info.ResidualHistory.Count);
        Assert.Throws<SolverNotConvergedException>(() => info.EnsureConverged("pressure"));
    }

    [Fact]
    public void MIC0_is_refused_with_the_reason()
    {
        var error = Assert.Throws<ArgumentException>(() => new VulkanPoissonSolver(_context, PressurePreconditioner.Mic0, new SolverOptions()));
        Assert.Contains("sequential", error.Message);
    }
}
