using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PhysML.Core.Errors;
using PhysML.Gpu;
using PhysML.Solvers;
using PhysML.Solvers.Multigrid;
using PhysML.Solvers.Pressure;

namespace PhysML.Cli;

/// <summary>
/// <c>physml bench solvers --grid 64,128</c>: the pressure solvers on a real pressure system (a fluid scene's, by
/// default smoke-obstacle-3d resized to n³ and run a few frames), each solved from x = 0 to a relative residual: iterations,
/// ms per solve and per iteration, and the memory bandwidth that implies (the <see cref="SolverTraffic"/> model) as a
/// fraction of the backend's copy bandwidth. A benchmark, not a test: figures depend on the machine.
/// </summary>
public static partial class BenchSolversVerb
{
    /// <summary>Iteration cap: far above what any solver needs at the grids benchmarked, so a row that hits it did
    /// not converge, and is reported as such.</summary>
    private const int MaxIterations = 5000;

    /// <summary>One solver on one backend and grid.</summary>
    public sealed record SolverTiming(string Solver, string Backend, int Grid, int Cells, int Threads, double Tolerance,
        int Iterations, bool Converged, double RelativeResidual, double MsPerSolve, double MsPerIteration,
        double BytesPerSolve, double Gbps, double CopyGbps, double BandwidthFraction);

    private sealed record Settings(string Scene, int[] Grids, PressurePreconditioner[] Solvers, string[] Backends, int Threads,
        double Tolerance, int Repeat);

    public static Command Create(CliContext context)
    {
        var scene = new Option<string>("--scene") { Description = "A *.scene.json file with a 3D fluidDomain, resized to each grid.", DefaultValueFactory = _ => "scenes/smoke-obstacle-3d.scene.json" };
        var grid = new Option<string>("--grid") { Description = "Comma-separated cells per axis (n for n³, each >= 8).", Required = true };
        var solvers = new Option<string>("--solvers") { Description = $"Comma-separated, from: {string.Join(", ", SolverNames.Keys)}.", DefaultValueFactory = _ => string.Join(",", SolverNames.Keys) };
        var backends = new Option<string>("--backends") { Description = $"Comma-separated, from: {string.Join(", ", BackendNames)}.", DefaultValueFactory = _ => CpuPoissonSolver.BackendName };
        var threads = new Option<int>("--threads") { Description = "Threads for the scene, the solvers and the copy.", DefaultValueFactory = _ => 2 };
        var tolerance = new Option<double>("--tolerance") { Description = "Relative residual ‖r‖/‖b‖ each solve reaches.", DefaultValueFactory = _ => 1e-6 };
        var repeat = new Option<int>("--repeat") { Description = "Timed solves per row (after one untimed warm-up); ms are their mean.", DefaultValueFactory = _ => 1 };
        var json = new Option<string?>("--json") { Description = "Also write the rows as JSON to this file." };
        var command = new Command("solvers", "Time the pressure solvers on a fluid scene's pressure system, with their memory bandwidth.")
            { scene, grid, solvers, backends, threads, tolerance, repeat, json };
        command.SetAction(parsed =>
        {
            var settings = new Settings(parsed.GetValue(scene)!, ParseGrids(parsed.GetValue(grid)!), ParseSolvers(parsed.GetValue(solvers)!),
                ParseBackends(parsed.GetValue(backends)!), parsed.GetValue(threads), parsed.GetValue(tolerance), parsed.GetValue(repeat));
            if (settings.Threads < 1) throw Argument($"--threads must be >= 1, got {settings.Threads}");
            if (!(settings.Tolerance > 0 && settings.Tolerance < 1)) throw Argument($"--tolerance must be in (0, 1), got {settings.Tolerance}");
            if (settings.Repeat < 1) throw Argument($"--repeat must be >= 1, got {settings.Repeat}");
            var rows = Run(settings, context.Output);
            if (parsed.GetValue(json) is { } path)
                File.WriteAllText(path, JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The solver names of <c>--solvers</c>, as the solvers report them.</summary>
    private static readonly IReadOnlyDictionary<string, PressurePreconditioner> SolverNames =
        Enum.GetValues<PressurePreconditioner>().ToDictionary(CpuPoissonSolver.SolverName);

    private static List<SolverTiming> Run(Settings settings, TextWriter output)
    {
        // Bad scenes fail here, before anything is measured (loading does not run the scene).
        PressureSystemCapture.Check(settings.Scene);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Threads };
        // Created on first use, so a CPU-only run never touches Vulkan.
        using var gpu = new GpuDevice();
        var copies = new Dictionary<string, CopyBandwidth>();
        foreach (var backend in settings.Backends)
        {
            if (MeasureCopyBandwidth(backend, parallel, gpu, output) is not { } copy) continue;
            copies[backend] = copy;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"copy bandwidth, {backend}: {copy.Gbps:F1} GB/s ({copy.Method}; bytes read + bytes written, 1 GB = 1e9 B)"));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(settings.Scene)} resized to n³, its pressure system after {PressureSystemCapture.Frames} frames, solved from x = 0 " +
            $"to ‖r‖/‖b‖ ≤ {settings.Tolerance:0.###e+0} on {settings.Threads} thread{(settings.Threads == 1 ? "" : "s")}; ms: mean of {settings.Repeat} " +
            $"solve{(settings.Repeat == 1 ? "" : "s")} after a warm-up; GB/s: modelled bytes moved per solve / time (SolverTraffic)"));
        output.WriteLine(string.Join("  ", Header.Select((h, i) => i == 0 ? h.PadRight(10) : h.PadLeft(Width(i)))));
        output.Flush();

        var rows = new List<SolverTiming>();
        foreach (var n in settings.Grids)
        {
            var system = PressureSystemCapture.Capture(settings.Scene, n, settings.Threads);
            // The V-cycle's traffic depends on the level shapes: the hierarchy the solver builds, built once more here.
            var levels = settings.Solvers.Contains(PressurePreconditioner.Multigrid)
                ? new MultigridHierarchy(system.A).Levels.Select(l => l.Shape).ToArray()
                : [];
            var gridRows = new List<SolverTiming>();
            foreach (var kind in settings.Solvers)
            {
                foreach (var backend in copies.Keys)
                {
                    // The multigrid options are the ones both solvers build their V-cycle with (the defaults).
                    var traffic = Traffic(backend, kind, system.A.Size, levels);
                    if (Measure(backend, kind, system, n, settings, parallel, traffic, copies[backend], gpu, output) is not { } row) continue;
                    gridRows.Add(row);
                    Print(output, row);
                }
            }
            foreach (var backend in copies.Keys)
            {
                var cg = gridRows.Find(r => r.Backend == backend && r.Solver == CpuPoissonSolver.SolverName(PressurePreconditioner.None));
                var mg = gridRows.Find(r => r.Backend == backend && r.Solver == CpuPoissonSolver.SolverName(PressurePreconditioner.Multigrid));
                if (cg is not null && mg is not null)
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{n}³ {backend}: mgpcg speedup over cg {cg.MsPerSolve / mg.MsPerSolve:F2}x (wall clock; {cg.Iterations} → {mg.Iterations} iterations)"));
            }
            rows.AddRange(gridRows);
        }
        return rows;
    }

    private static SolverTiming? Measure(string backend, PressurePreconditioner kind, PressureSystemCapture.Captured system, int n,
        Settings settings, ParallelOptions parallel, SolverTraffic traffic, CopyBandwidth copy, GpuDevice gpu, TextWriter output)
    {
        var options = new SolverOptions { RelativeTolerance = settings.Tolerance, MaxIterations = MaxIterations, RecordHistory = false };
        using var solver = CreateSolver(backend, kind, options, parallel, gpu, output);
        if (solver is null) return null;
        var x = new double[system.A.Size];
        // Untimed: JIT, the preconditioner's build (MIC factor, multigrid hierarchy), a GPU backend's uploads.
        solver.Solve(system.A, system.B, x);
        GC.Collect();
        SolveInfo? info = null;
        var seconds = 0.0;
        for (var r = 0; r < settings.Repeat; r++)
        {
            Array.Clear(x);
            var start = Stopwatch.GetTimestamp();
            info = solver.Solve(system.A, system.B, x);
            seconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        seconds /= settings.Repeat;
        var bytes = traffic.BytesPerSolve(info!.Iterations, info.Converged);
        var gbps = bytes / seconds / 1e9;
        return new SolverTiming(solver.Name, solver.Backend, n, system.A.Size, settings.Threads, settings.Tolerance,
            info.Iterations, info.Converged, info.RelativeResidual, seconds * 1e3,
            info.Iterations > 0 ? seconds * 1e3 / info.Iterations : 0, bytes, gbps, copy.Gbps, gbps / copy.Gbps);
    }

    private static readonly string[] Header = ["solver", "backend", "grid", "iterations", "ms/solve", "ms/iter", "GB/s", "% of copy"];

    private static int Width(int column) => Math.Max(Header[column].Length, 9);

    private static void Print(TextWriter output, SolverTiming row)
    {
        var c = CultureInfo.InvariantCulture;
        string[] cells =
        [
            row.Solver.PadRight(10), row.Backend, $"{row.Grid}³", row.Iterations.ToString(c) + (row.Converged ? "" : "*"),
            row.MsPerSolve.ToString("F1", c), row.MsPerIteration.ToString("F3", c), row.Gbps.ToString("F2", c),
            (100 * row.BandwidthFraction).ToString("F1", c) + "%",
        ];
        output.WriteLine(string.Join("  ", cells.Select((text, i) => i == 0 ? text : text.PadLeft(Width(i)))));
        if (!row.Converged)
            output.WriteLine(string.Create(c,
                $"  * {row.Solver} did not reach {row.Tolerance:0.###e+0}: ‖r‖/‖b‖ = {row.RelativeResidual:E2} after {row.Iterations} iterations"));
        output.Flush();
    }

    private static int[] ParseGrids(string text)
    {
        var parts = Split(text);
        var grids = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToArray();
        if (grids.Length == 0 || grids.Any(n => n < 8))
            throw Argument($"--grid must be cells per axis (integers >= 8) separated by commas, e.g. 64,128; got '{text}'");
        return grids;
    }

    private static PressurePreconditioner[] ParseSolvers(string text)
    {
        var names = Split(text);
        if (names.Length == 0) throw Argument($"--solvers must name at least one solver, from: {string.Join(", ", SolverNames.Keys)}");
        foreach (var name in names)
            if (!SolverNames.ContainsKey(name))
                throw Argument($"--solvers: unknown solver '{name}'; known: {string.Join(", ", SolverNames.Keys)}");
        return names.Distinct().Select(name => SolverNames[name]).ToArray();
    }

    private static string[] ParseBackends(string text)
    {
        var names = Split(text);
        if (names.Length == 0) throw Argument($"--backends must name at least one backend, from: {string.Join(", ", BackendNames)}");
        foreach (var name in names)
            if (!BackendNames.Contains(name))
                throw UnknownBackend(name);
        return names.Distinct().ToArray();
    }

    private static string[] Split(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static PhysMLException Argument(string message) => new(ErrorCodes.InvalidArgument, ErrorCategory.BadInput, message);
}
