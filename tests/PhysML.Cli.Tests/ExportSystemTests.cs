using System.Diagnostics;

namespace PhysML.Cli.Tests;

public class ExportSystemTests
{
    [Fact]
    public void The_exported_pressure_system_is_what_SciPy_reads_and_solves_to_our_solution()
    {
        using var temp = new TempDirectory();
        var outDir = temp.Sub("system");

        var run = CliRun.Of("export-system", TempDirectory.Scene("cylinder-channel.scene.json"), "--frame", "2", "--out", outDir);

        Assert.True(run.ExitCode == 0, run.ToString());
        // SciPy (python3-scipy, installed by scripts/bootstrap.sh) is the independent reader and solver. The channel
        // has an outflow side, so A is definite and the solution unique. Our x stopped at ‖r‖/‖b‖ ≤ 1e-7, so it can
        // differ from the direct solve by up to κ(A)·1e-7 relatively (κ ≈ 1e4 here; measured 3.6e-8), hence the 1e-3 bound on x, while
        // the residual bound checks the matrix and vectors themselves.
        var script = $$"""
            import numpy as np, scipy.io, scipy.sparse.linalg as sla
            d = '{{outDir}}'
            A = scipy.io.mmread(d + '/A.mtx').tocsr(); b = scipy.io.mmread(d + '/b.mtx').ravel(); x = scipy.io.mmread(d + '/x.mtx').ravel()
            flags = np.load(d + '/flags.npy')
            assert A.shape == (41 * 220, 41 * 220) and flags.shape == (41, 220), (A.shape, flags.shape)
            assert abs(A - A.T).max() == 0, 'A is not symmetric'
            residual = np.linalg.norm(b - A @ x) / np.linalg.norm(b)
            direct = sla.spsolve(A.tocsc(), b)
            print(f'{residual:.3e} {np.linalg.norm(direct - x) / np.linalg.norm(direct):.3e} {int(flags.sum())}')
            """;
        var info = new ProcessStartInfo("/usr/bin/python3", new[] { "-c", script }) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr + "\nrun scripts/bootstrap.sh if SciPy is missing");

        var figures = stdout.Trim().Split(' ');
        Assert.True(double.Parse(figures[0]) <= 1.1e-7, $"residual of our x in SciPy's A, b: {figures[0]}");
        Assert.True(double.Parse(figures[1]) <= 1e-3, $"our x vs SciPy's direct solve: {figures[1]}");
        Assert.InRange(int.Parse(figures[2]), 60, 100); // the cylinder: π·5² ≈ 79 cells of 1 cm
    }

    [Fact]
    public void Export_system_refuses_a_scene_without_a_fluid()
    {
        var run = CliRun.Of("export-system", TempDirectory.Scene("heat-plate.scene.json"), "--out", "/tmp/never-written");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("has no fluidDomain", run.Error);
        Assert.False(Directory.Exists("/tmp/never-written"));
    }
}
