using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PhysML.Core.Errors;
using PhysML.Core.IO;
using PhysML.ML;
using PhysML.ML.Surrogates;
using PhysML.Solvers.Learned;

namespace PhysML.Cli;

/// <summary>
/// <c>physml bench surrogate [--json out.json]</c>: for each problem, trains the soft constraint, the single hard
/// constraint and the K-expert mixture from the same seed on the same trajectories for the same steps, in one process
/// (once per seed of --seeds, then each method's mean and spread and on how many seeds the paper's ordering holds),
/// and reports the held-out relative L2 error (next to Chalapathi et al. 2024's Table 1), ms per training step, ms per
/// inference and the PDE residual per expert; then times hard vs MoE at each --sweep point count with the trained
/// weights. A benchmark, not a test: figures depend on the (shared) machine.
/// </summary>
public static class BenchSurrogateVerb
{
    public sealed record Row(string Problem, string Method, int Experts, int Points, double RelL2, double TrainMsPerStep, double InferMs,
        double[] ResidualPerExpert, int Steps, double? PaperRelL2, string Loss, bool Interfaces, int Seed);

    // Chalapathi et al. 2024, Table 1 (relative L2 on held-out ICs): soft, hard (K = 1), MoE.
    private static readonly Dictionary<(string, SurrogateMethod), double> Paper = new()
    {
        [(DiffusionSorptionProblem.ProblemName, SurrogateMethod.Soft)] = 0.8593,
        [(DiffusionSorptionProblem.ProblemName, SurrogateMethod.Hard)] = 0.0755,
        [(DiffusionSorptionProblem.ProblemName, SurrogateMethod.Moe)] = 0.0360,
        [(VorticityProblem.ProblemName, SurrogateMethod.Soft)] = 0.1808,
        [(VorticityProblem.ProblemName, SurrogateMethod.Hard)] = 0.1175,
        [(VorticityProblem.ProblemName, SurrogateMethod.Moe)] = 0.0830,
    };

    public static Command Create(CliContext context)
    {
        var options = new SurrogateOptions();
        var problems = new Option<string>("--problems") { Description = "Comma-separated problems.", DefaultValueFactory = _ => string.Join(",", SurrogateOptions.Problems) };
        var experts = new Option<int>("--experts") { Description = "K of the mixture.", DefaultValueFactory = _ => 4 };
        var sweep = new Option<string>("--sweep") { Description = "Comma-separated collocation point counts for the hard-vs-MoE timing.", DefaultValueFactory = _ => "100,1000,10000" };
        var json = new Option<string?>("--json") { Description = "Also write the rows as JSON to this file (atomically)." };
        var save = new Option<string?>("--save") { Description = "Also write each trained model to this folder as surrogate-PROBLEM-METHOD.ckpt (the first seed's)." };
        var seeds = new Option<string?>("--seeds") { Description = "Comma-separated seeds: trains the three methods once per seed and reports each method's mean and spread and on how many seeds the ordering holds (default: --seed alone)." };
        var command = new Command("surrogate", "Soft vs hard vs mixture-of-experts constrained surrogates: error, constraint residual, train and inference time.")
            { problems, experts, sweep, json, save, seeds };
        foreach (var option in options.All) command.Options.Add(option);
        command.SetAction(parsed =>
        {
            var names = parsed.GetValue(problems)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var counts = Integers("--sweep", parsed.GetValue(sweep)!, 1);
            var seedList = parsed.GetValue(seeds) is { } text ? Integers("--seeds", text, 0).Distinct().ToArray() : [parsed.GetValue(options.Seed)];
            if (seedList.Length == 0) throw SurrogateOptions.Argument("--seeds: no seed given");
            var threads = SurrogateOptions.AtLeast("--threads", parsed.GetValue(options.Threads), 1);
            TorchRuntime.Initialize(new TorchRuntimeSettings(Seed: seedList[0], Threads: threads, PreferCuda: false));
            var rows = new List<Row>();
            foreach (var name in names) rows.AddRange(Run(context.Output, options, parsed, name, parsed.GetValue(experts), counts, seedList, parsed.GetValue(save)));
            if (parsed.GetValue(json) is { } path)
                AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, rows, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
            return ExitCodes.Success;
        });
        return command;
    }

    private static IEnumerable<Row> Run(TextWriter output, SurrogateOptions options, ParseResult parsed, string name, int experts, int[] sweep,
        int[] seeds, string? save)
    {
        var c = CultureInfo.InvariantCulture;
        var problem = options.Problem(parsed, name);
        var (train, test) = options.Data(parsed, problem);
        var steps = SurrogateOptions.AtLeast("--steps", parsed.GetValue(options.Steps), 2);
        var batch = SurrogateOptions.AtLeast("--batch", parsed.GetValue(options.Batch), 1);
        var settings = options.Settings(parsed, SurrogateMethod.Moe, experts, name);
        output.WriteLine($"{name}: {problem.Grid.Times} times × {problem.Grid.Spatial} points, {train.Count} train / {test.Count} held-out trajectories, {steps} steps of {batch}, loss {Name(settings.Loss)}{(settings.UsesInterfaces ? ", moe with interface rows" : "")}, seed{(seeds.Length > 1 ? "s" : "")} {string.Join(", ", seeds)}");
        output.WriteLine($"{"method",-6} {"K",3} {"points",7} {"rel L2",8} {"paper",8} {"train ms",9} {"infer ms",9}  PDE residual per expert (RMS)");
        using (var probe = new ConstrainedSurrogate(problem, settings))
            output.WriteLine("reference solution's own PDE residual per expert (RMS, same points): " + string.Join(", ",
                SurrogateEvaluation.ReferenceResidual(probe, test, seed: 1).Select(r => r.ToString("G3", c))));
        var comparison = new List<Row>();
        Dictionary<SurrogateMethod, ConstrainedSurrogate>? timed = null;
        foreach (var seed in seeds)
        {
            if (seeds.Length > 1) output.WriteLine($"seed {seed}:");
            // The first seed's models are kept for the timing sweep and --save; the others only give their error.
            var trained = Train(output, options, parsed, name, experts, problem, train, test, steps, batch, seed, timed is null ? save : null, comparison);
            if (timed is null) timed = trained;
            else foreach (var model in trained.Values) model.Dispose();
        }
        var rows = new List<Row>(comparison);
        output.WriteLine($"hard vs moe at other collocation point counts (seed {seeds[0]}'s trained weights; 3 timed training steps on a copy after 1 untimed):");
        foreach (var points in sweep)
        {
            var pair = new List<Row>();
            foreach (var method in new[] { SurrogateMethod.Hard, SurrogateMethod.Moe })
            {
                using var model = timed![method].With(timed[method].Settings with { Points = points });
                var evaluation = SurrogateEvaluation.Of(model, test, seed: 1);
                using var trainer = new SurrogateTrainer(model, seeds[0]);
                trainer.Step(train, [0]);
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < 3; i++) trainer.Step(train, Enumerable.Range(0, Math.Min(batch, train.Count)).ToArray());
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds / 3;
                pair.Add(Print(output, new Row(name, Name(method), model.Partition.Experts, PointsUsed(model), evaluation.RelativeL2, ms,
                    evaluation.InferMs, evaluation.ResidualPerExpert, steps, null, Name(model.Settings.Loss), model.Settings.UsesInterfaces, seeds[0])));
            }
            output.WriteLine(string.Create(c, $"  {pair[1].Points} points: moe/hard train step {pair[1].TrainMsPerStep / pair[0].TrainMsPerStep:F2}x, inference {pair[1].InferMs / pair[0].InferMs:F2}x"));
            rows.AddRange(pair);
        }
        foreach (var model in timed!.Values) model.Dispose();
        Summarize(output, name, comparison, seeds.Length);
        return rows;
    }

    // Soft, hard and MoE from one seed: every method starts from the same generator state, data and batches.
    private static Dictionary<SurrogateMethod, ConstrainedSurrogate> Train(TextWriter output, SurrogateOptions options, ParseResult parsed, string name,
        int experts, ISurrogateProblem problem, SurrogateDataset train, SurrogateDataset test, int steps, int batch, int seed, string? save, List<Row> rows)
    {
        var trained = new Dictionary<SurrogateMethod, ConstrainedSurrogate>();
        foreach (var method in new[] { SurrogateMethod.Soft, SurrogateMethod.Hard, SurrogateMethod.Moe })
        {
            TorchSharp.torch.random.manual_seed(seed);
            var model = new ConstrainedSurrogate(problem, options.Settings(parsed, method, experts, name));
            using (var trainer = new SurrogateTrainer(model, seed))
            {
                var clock = new Stopwatch();
                // The first step (allocations, JIT) is not timed.
                trainer.Train(train, steps, batch, new Random(seed), (step, _) => { if (step == 1) clock.Start(); });
                clock.Stop();
                var evaluation = SurrogateEvaluation.Of(model, test, seed: 1);
                if (save is not null)
                    SurrogateCheckpoint.Save(model, Path.Combine(save, $"surrogate-{name}-{Name(method)}.ckpt"), new CheckpointMetadata
                    {
                        Kind = SurrogateCheckpoint.Kind, Architecture = "", Dimensions = 0,
                        TrainingSources = [$"{name} reference solver, seeds 0-{train.Count - 1}"], Samples = (long)steps * batch, Steps = steps,
                        FinalLoss = evaluation.RelativeL2, Command = "physml " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)), Created = DateTimeOffset.UtcNow,
                    });
                rows.Add(Print(output, new Row(name, Name(method), model.Partition.Experts, PointsUsed(model), evaluation.RelativeL2,
                    clock.Elapsed.TotalMilliseconds / (steps - 1), evaluation.InferMs, evaluation.ResidualPerExpert, steps, Paper[(name, method)],
                    Name(model.Settings.Loss), model.Settings.UsesInterfaces, seed)));
            }
            trained[method] = model;
        }
        return trained;
    }

    // Whether moe < hard < soft holds for each seed and on the mean over the seeds; with several seeds, each method's
    // mean and sample standard deviation, so a difference can be read against the seed-to-seed spread.
    private static void Summarize(TextWriter output, string name, List<Row> comparison, int seeds)
    {
        var c = CultureInfo.InvariantCulture;
        static bool Holds(double soft, double hard, double moe) => moe < hard && hard < soft;
        var bySeed = comparison.Chunk(3).Select(r => Holds(r[0].RelL2, r[1].RelL2, r[2].RelL2)).ToArray();
        if (seeds == 1)
        {
            output.WriteLine($"{name}: the paper's ordering moe < hard < soft {(bySeed[0] ? "holds" : "does not hold")} here");
            output.Flush();
            return;
        }
        var means = new Dictionary<string, double>();
        foreach (var group in comparison.GroupBy(r => r.Method))
        {
            var errors = group.Select(r => r.RelL2).ToArray();
            var mean = errors.Average();
            var deviation = Math.Sqrt(errors.Sum(e => (e - mean) * (e - mean)) / (errors.Length - 1));
            means[group.Key] = mean;
            output.WriteLine(string.Create(c, $"{group.Key,-6} mean rel L2 {mean,8:P2} ± {deviation:P2} over {errors.Length} seeds (min {errors.Min():P2}, max {errors.Max():P2})"));
        }
        output.WriteLine($"{name}: the paper's ordering moe < hard < soft holds on {bySeed.Count(h => h)} of {seeds} seeds, and " +
            $"{(Holds(means["soft"], means["hard"], means["moe"]) ? "holds" : "does not hold")} on the mean");
        output.Flush();
    }

    // A comma-separated list of integers ≥ min, refused with the option's name and the first bad entry.
    private static int[] Integers(string option, string text, int min) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min ? n
                : throw SurrogateOptions.Argument($"{option}: '{p}' is not an integer >= {min}")).ToArray();

    // Points actually constrained: P/K per expert, capped by the smallest subdomain's candidates.
    private static int PointsUsed(ConstrainedSurrogate model) =>
        model.Partition.Experts * Math.Clamp(model.Settings.Points / model.Partition.Experts, 1,
            new CollocationSampler(model.Problem, model.Partition, 0).MaxPointsPerExpert);

    // "soft", "moe", "pde", "data": the enum names as the options spell them.
    private static string Name(Enum value) => value.ToString().ToLowerInvariant();

    private static Row Print(TextWriter output, Row row)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{row.Method,-6} {row.Experts,3} {row.Points,7} {row.RelL2,8:P2} {(row.PaperRelL2 is { } p ? p.ToString("P2", c) : "-"),8} {row.TrainMsPerStep,9:F0} {row.InferMs,9:F1}  {string.Join(", ", row.ResidualPerExpert.Select(r => r.ToString("G3", c)))}"));
        output.Flush();
        return row;
    }
}
