using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PhysML.Core.Errors;
using PhysML.Gpu;
using PhysML.Gpu.ML;
using PhysML.Gpu.Solvers;
using PhysML.ML;
using PhysML.ML.Preconditioners;
using PhysML.ML.Preconditioners.Training;
using PhysML.Solvers;
using PhysML.Solvers.Learned;
using PhysML.Solvers.Pressure;

namespace PhysML.Cli;

/// <summary>
/// <c>physml bench preconditioners --models M.ckpt</c>: learned solvers (DCDM, and flexible PCG for direction networks)
/// against CG, PCG-Jacobi, PCG-MIC and MGPCG on held-out obstacle layouts (seeds no training run uses), same process,
/// same systems, same tolerance: mean iterations and ms per solve, and the ratios to MGPCG that the targets are stated
/// in. With <c>--backends cpu,vulkan</c> the learned solvers also run on Vulkan (the residual networks in the GPU
/// DCDM loop by our own kernels, the learned V-cycle in Vulkan MGPCG) beside Vulkan MGPCG; ratios stay against the
/// CPU MGPCG. A benchmark, not a test.
/// </summary>
public static class BenchPreconditionersVerb
{
    public sealed record Row(string Solver, string Backend, string Model, int Dimensions, int Grid, int Layouts, double Tolerance,
        double MeanIterations, double MeanMs, bool AllConverged, int Fallbacks, double IterationsVsMgpcg, double TimeVsMgpcg);

    public static Command Create(CliContext context)
    {
        var dimensions = new Option<int>("--dimensions") { Description = "2 or 3.", DefaultValueFactory = _ => 3 };
        var grid = new Option<string>("--grid") { Description = "Comma-separated cells per axis.", DefaultValueFactory = _ => "64" };
        var layouts = new Option<int>("--layouts") { Description = "Held-out obstacle layouts per grid.", DefaultValueFactory = _ => 3 };
        var models = new Option<string>("--models") { Description = "Comma-separated checkpoints (the first is the default learned solver).", Required = true };
        var classical = new Option<string>("--solvers") { Description = "Classical baselines, from: cg, pcg-jacobi, pcg-mic, mgpcg.", DefaultValueFactory = _ => "cg,pcg-jacobi,pcg-mic,mgpcg" };
        var tolerance = new Option<double>("--tolerance") { Description = "Relative residual every solve reaches.", DefaultValueFactory = _ => 1e-6 };
        var threads = new Option<int>("--threads") { Description = "Threads for the solvers and libtorch.", DefaultValueFactory = _ => 2 };
        var json = new Option<string?>("--json") { Description = "Also write the rows as JSON to this file." };
        var backends = new Option<string>("--backends") { Description = "cpu, or cpu,vulkan: also the learned solvers and MGPCG on Vulkan.", DefaultValueFactory = _ => "cpu" };
        var command = new Command("preconditioners", "Learned preconditioners against the classical solvers on held-out obstacle layouts.")
            { dimensions, grid, layouts, models, classical, tolerance, threads, json, backends };
        command.SetAction(parsed =>
        {
            var dims = parsed.GetValue(dimensions);
            if (dims is not (2 or 3)) throw Argument($"--dimensions must be 2 or 3, got {dims}");
            var grids = parsed.GetValue(grid)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(g => int.TryParse(g, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 8 ? n : throw Argument($"--grid: '{g}' is not an integer >= 8")).ToArray();
            var baselines = parsed.GetValue(classical)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(name => Enum.GetValues<PressurePreconditioner>().FirstOrDefault(p => CpuPoissonSolver.SolverName(p) == name, (PressurePreconditioner)(-1)) is var p && (int)p >= 0
                    ? p : throw Argument($"--solvers: unknown '{name}'; known: cg, pcg-jacobi, pcg-mic, mgpcg")).ToArray();
            var threadCount = parsed.GetValue(threads);
            if (threadCount < 1) throw Argument($"--threads must be >= 1, got {threadCount}");
            if (parsed.GetValue(layouts) < 1) throw Argument("--layouts must be >= 1");
            var backendNames = parsed.GetValue(backends)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var name in backendNames)
                if (name is not (CpuPoissonSolver.BackendName or VulkanPoissonSolver.BackendName)) throw Argument($"--backends: unknown '{name}'; known: cpu, vulkan");
            using var gpu = backendNames.Contains(VulkanPoissonSolver.BackendName) ? new GpuDevice() : null;
            if (gpu is not null && gpu.Context is null) context.Output.WriteLine($"vulkan: skipped, no Vulkan device ({gpu.Failure})");
            var rows = Run(gpu?.Context, context.Output, dims, grids, parsed.GetValue(layouts), parsed.GetValue(models)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                baselines, parsed.GetValue(tolerance), threadCount);
            if (parsed.GetValue(json) is { } path)
                File.WriteAllText(path, JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
            return ExitCodes.Success;
        });
        return command;
    }

    private static List<Row> Run(VulkanContext? vulkan, TextWriter output, int dimensions, int[] grids, int layouts, string[] modelPaths,
        PressurePreconditioner[] baselines, double tolerance, int threads)
    {
        TorchRuntime.Initialize(new TorchRuntimeSettings(Threads: threads, PreferCuda: false));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        // Every checkpoint is checked before anything is timed.
        var networks = modelPaths.Select(path => (Path: path, Network: PreconditionerCheckpoint.Load(path, dimensions).Network)).ToArray();
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"held-out layouts (seeds {PreconditionerValidation.FirstHeldOutSeed}+), {dimensions}D, solved from 0 to ‖r‖/‖b‖ ≤ {tolerance:0.#e+0} " +
                                          $"on {threads} threads; ms: one timed solve per layout after an untimed one (preconditioner set-up, JIT)"));
        if (vulkan is not null) output.WriteLine($"vulkan rows on {vulkan.DeviceName} (float; lavapipe proves the path, not speed)");
        output.WriteLine($"{"solver",-34} {"backend",7} {"grid",6} {"iterations",10} {"ms/solve",10} {"it/mgpcg",9} {"time/mgpcg",10}");
        var rows = new List<Row>();
        foreach (var n in grids)
        {
            var systems = PreconditionerValidation.HeldOut(dimensions, n, layouts);
            var gridRows = new List<(string Solver, string Backend, string Model, double It, double Ms, bool Ok, int Fallbacks)>();
            var options = new SolverOptions { RelativeTolerance = tolerance, MaxIterations = 5000, RecordHistory = false };
            foreach (var kind in baselines)
                gridRows.Add(Measure(CpuPoissonSolver.SolverName(kind), "cpu", "-", systems, () => new CpuPoissonSolver(kind, options, parallel), () => 0));
            // The untrained learned V-cycle is the classical one with its sweeps (ω = 0.8): what the training added shows
            // against it, apart from what the cheaper cycle alone gives.
            var untrained = networks.Where(m => m.Network is LearnedMultigridNetwork).Select(m => m.Network.Architecture).Distinct()
                .Select(arch => (Path: "untrained", Network: PreconditionerNetwork.Create(arch, dimensions))).ToArray();
            foreach (var (path, network) in networks.Concat(untrained))
            {
                var methods = network is DirectionNetwork ? new[] { LearnedMethod.Dcdm, LearnedMethod.FlexiblePcg } : [LearnedMethod.Dcdm];
                foreach (var method in methods)
                {
                    LearnedPoissonSolver? last = null;
                    var model = network.ToModel(1, parallel);
                    var label = $"{LearnedPoissonSolver.MethodName(method)}-{network.Architecture}{(path == "untrained" ? " (untrained)" : "")}";
                    gridRows.Add(Measure(label, "cpu", Path.GetFileName(path), systems,
                        () => last = new LearnedPoissonSolver(model, method, options, parallel: parallel), () => last?.Fallbacks ?? 0));
                }
            }
            if (vulkan is not null) gridRows.AddRange(VulkanRows(vulkan, networks, systems, options, dimensions, parallel));
            foreach (var (_, network) in untrained) network.Dispose();
            var mg = gridRows.FirstOrDefault(r => r.Solver == "mgpcg" && r.Backend == "cpu");
            foreach (var r in gridRows)
            {
                var row = new Row(r.Solver, r.Backend, r.Model, dimensions, n, layouts, tolerance, r.It, r.Ms, r.Ok, r.Fallbacks,
                    mg.Solver is null ? double.NaN : r.It / mg.It, mg.Solver is null ? double.NaN : r.Ms / mg.Ms);
                rows.Add(row);
                output.WriteLine(string.Create(c, $"{row.Solver,-34} {row.Backend,7} {(dimensions == 2 ? $"{n}²" : $"{n}³"),6} {row.MeanIterations,10:F1}{(row.AllConverged ? " " : "*")}{row.MeanMs,9:F1} {row.IterationsVsMgpcg,9:F2} {row.TimeVsMgpcg,10:F2}{(row.Fallbacks > 0 ? $"  ({row.Fallbacks} fallbacks)" : "")}"));
            }
            if (mg.Solver is not null && networks.Length > 0)
            {
                var learned = rows.First(r => r.Grid == n && r.Model == Path.GetFileName(modelPaths[0]) && r.Backend == "cpu");
                output.WriteLine(string.Create(c, $"{n}: default learned solver {learned.Solver}: iterations ≤ mgpcg {(learned.IterationsVsMgpcg <= 1 ? "met" : "not met")} " +
                                                  $"({learned.IterationsVsMgpcg:F2}x), wall clock ≤ 1.5x mgpcg {(learned.TimeVsMgpcg <= 1.5 ? "met" : "not met")} ({learned.TimeVsMgpcg:F2}x)"));
            }
            output.Flush();
        }
        foreach (var (_, network) in networks) network.Dispose();
        return rows;
    }

    // Vulkan MGPCG, then each network on Vulkan: residual networks in the GPU DCDM loop (our kernels, weights from the
    // same checkpoint), the learned V-cycle as Vulkan MGPCG with its damping.
    private static IEnumerable<(string, string, string, double, double, bool, int)> VulkanRows(VulkanContext vulkan,
        (string Path, PreconditionerNetwork Network)[] networks, IReadOnlyList<(IPoissonStencil A, double[] B)> systems,
        SolverOptions options, int dimensions, ParallelOptions parallel)
    {
        const string backend = VulkanPoissonSolver.BackendName;
        yield return Measure("mgpcg", backend, "-", systems, () => new VulkanPoissonSolver(vulkan, PressurePreconditioner.Multigrid, options), () => 0);
        foreach (var (path, network) in networks)
        {
            if (network is LearnedMultigridNetwork cycle)
            {
                var model = (LearnedMultigridModel)cycle.ToModel(1, parallel);
                yield return Measure($"pcg-{cycle.Architecture}", backend, Path.GetFileName(path), systems,
                    () => new VulkanPoissonSolver(vulkan, PressurePreconditioner.Multigrid, options, cycle.CycleOptions, smootherWeights: model), () => 0);
                continue;
            }
            using var direction = VulkanDirectionNetwork.Load(vulkan, path, dimensions);
            VulkanDeepConjugateDirectionSolver? last = null;
            yield return Measure($"dcdm-{network.Architecture}", backend, Path.GetFileName(path), systems,
                () => last = new VulkanDeepConjugateDirectionSolver(vulkan, direction, options), () => last?.Fallbacks ?? 0);
        }
    }

    private static (string Solver, string Backend, string Model, double It, double Ms, bool Ok, int Fallbacks) Measure(string name, string backend, string model,
        IReadOnlyList<(IPoissonStencil A, double[] B)> systems, Func<IPoissonSolver> create, Func<int> fallbacks)
    {
        var (iterations, ms, ok, fell) = (0.0, 0.0, true, 0);
        foreach (var (a, b) in systems)
        {
            using var solver = create();
            var x = new double[a.Size];
            solver.Solve(a, b, x); // untimed: set-up, JIT
            Array.Clear(x);
            var start = Stopwatch.GetTimestamp();
            var info = solver.Solve(a, b, x);
            ms += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            iterations += info.Iterations;
            ok &= info.Converged;
            fell += fallbacks();
        }
        return (name, backend, model, iterations / systems.Count, ms / systems.Count, ok, fell);
    }

    private static PhysMLException Argument(string message) => new(ErrorCodes.InvalidArgument, ErrorCategory.BadInput, message);
}
