using System.Text.Json;
using PhysML.Solvers.Multigrid;
using PhysML.Solvers.Pressure;

namespace PhysML.Cli.Tests;

public class BenchSolversTests
{
    [Fact]
    public void Bench_solvers_reports_each_solver_converged_with_its_bandwidth_and_mgpcg_needs_fewer_iterations()
    {
        using var temp = new TempDirectory();
        var json = temp.Sub("solvers.json");

        var run = CliRun.Of("bench", "solvers", "--scene", TempDirectory.Scene("smoke-obstacle-3d.scene.json"), "--grid", "16",
            "--solvers", "cg,mgpcg", "--json", json);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("copy bandwidth, cpu: ", run.Output);
        Assert.Contains("16³ cpu: mgpcg speedup over cg", run.Output);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var rows = document.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("solver").GetString()!);
        Assert.Equal(new[] { "cg", "mgpcg" }, rows.Keys.Order());
        foreach (var row in rows.Values)
        {
            Assert.Equal("cpu", row.GetProperty("backend").GetString());
            Assert.Equal(16, row.GetProperty("grid").GetInt32());
            Assert.True(row.GetProperty("converged").GetBoolean(), row.ToString());
            Assert.InRange(row.GetProperty("relative_residual").GetDouble(), 0, 1e-6);
            Assert.True(row.GetProperty("ms_per_solve").GetDouble() > 0, row.ToString());
            Assert.True(row.GetProperty("ms_per_iteration").GetDouble() > 0, row.ToString());
            Assert.True(row.GetProperty("gbps").GetDouble() > 0, row.ToString());
            Assert.True(row.GetProperty("copy_gbps").GetDouble() > 0, row.ToString());
            Assert.True(row.GetProperty("bandwidth_fraction").GetDouble() > 0, row.ToString());
        }
        // Multigrid's iteration count stays flat with the grid; CG's grows with it (90 against 7 measured at 16³).
        Assert.True(rows["mgpcg"].GetProperty("iterations").GetInt32() < rows["cg"].GetProperty("iterations").GetInt32(), run.Output);
    }

    [Fact]
    public void The_vulkan_backend_runs_beside_the_cpu_and_skips_MIC0_with_the_reason()
    {
        using var temp = new TempDirectory();
        var json = temp.Sub("solvers.json");

        var run = CliRun.Of("bench", "solvers", "--scene", TempDirectory.Scene("smoke-obstacle-3d.scene.json"), "--grid", "12",
            "--solvers", "cg,pcg-mic,mgpcg", "--backends", "cpu,vulkan", "--json", json);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("copy bandwidth, vulkan: ", run.Output);
        Assert.Contains("pcg-mic: no Vulkan kernel", run.Output);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var rows = document.RootElement.EnumerateArray()
            .ToDictionary(r => $"{r.GetProperty("solver").GetString()}/{r.GetProperty("backend").GetString()}");
        Assert.Equal(new[] { "cg/cpu", "cg/vulkan", "mgpcg/cpu", "mgpcg/vulkan", "pcg-mic/cpu" }, rows.Keys.Order());
        foreach (var row in rows.Values) Assert.True(row.GetProperty("converged").GetBoolean(), row.ToString());
        // Same method on the same system: float against double may move the stopping point by an iteration.
        Assert.InRange(rows["mgpcg/vulkan"].GetProperty("iterations").GetInt32() - rows["mgpcg/cpu"].GetProperty("iterations").GetInt32(), -1, 1);
    }

    [Fact]
    public void The_traffic_model_counts_18_doubles_per_cell_per_CG_iteration_and_3_more_for_Jacobi()
    {
        const int n = 1000;
        var none = SolverTraffic.For(PressurePreconditioner.None, n, [], new MultigridOptions());
        var jacobi = SolverTraffic.For(PressurePreconditioner.Jacobi, n, [], new MultigridOptions());

        // 14n before the loop; a converged solve's last iteration skips p's update (3n).
        Assert.Equal(8.0 * (14 * n + 10 * 18 * n - 3 * n), none.BytesPerSolve(10, converged: true));
        Assert.Equal(8.0 * (14 * n + 10 * 18 * n), none.BytesPerSolve(10, converged: false));
        // Jacobi: z = r / diag (3n) and r·z (2n) per iteration, both once more before the loop (r·z one more than r·r).
        Assert.Equal(18 * n + 3 * n + 2 * n, jacobi.WordsPerIteration);
        Assert.Equal(14 * n + 3 * n + n, jacobi.SetupWords);
    }

    [Fact]
    public void Bench_solvers_names_the_known_solvers_when_given_an_unknown_one()
    {
        var run = CliRun.Of("bench", "solvers", "--grid", "16", "--solvers", "cg,bicgstab");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error PML0107: --solvers: unknown solver 'bicgstab'; known: cg, pcg-jacobi, pcg-mic, mgpcg", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void Bench_solvers_refuses_grids_below_8_and_unknown_backends()
    {
        var grid = CliRun.Of("bench", "solvers", "--grid", "64,4");
        var backend = CliRun.Of("bench", "solvers", "--grid", "16", "--backends", "cpu,cuda");

        Assert.Equal(2, grid.ExitCode);
        Assert.Contains("--grid must be cells per axis (integers >= 8)", grid.Error);
        Assert.Equal(2, backend.ExitCode);
        Assert.Contains("--backends: unknown backend 'cuda'; allowed: cpu", backend.Error);
    }
}
