using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using PhysML.Core.Errors;
using PhysML.Core.IO;
using PhysML.ML;
using PhysML.ML.Surrogates;
using PhysML.Scenes.Reporting;
using PhysML.Solvers.Learned;

namespace PhysML.Cli;

/// <summary>
/// <c>physml train surrogate --problem P --method soft|hard|moe --out model.ckpt</c>: generates train and held-out
/// trajectories with the reference solver, trains a constrained surrogate with a progress display, writes the
/// checkpoint (atomically, with the command line) and a loss plot beside it, and reports the held-out relative L2 error
/// and the PDE residual per expert.
/// </summary>
public static class TrainSurrogateVerb
{
    public static Command Create(CliContext context)
    {
        var options = new SurrogateOptions();
        var problem = new Option<string>("--problem") { Description = $"One of: {string.Join(", ", SurrogateOptions.Problems)}.", Required = true };
        var method = new Option<string>("--method") { Description = "soft, hard (K = 1) or moe.", DefaultValueFactory = _ => "moe" };
        var experts = new Option<int>("--experts") { Description = "K for --method moe (2 × 2 blocks in 2D for 4).", DefaultValueFactory = _ => 4 };
        var output = new Option<string>("--out") { Description = "The checkpoint to write (atomically).", Required = true };
        var command = new Command("surrogate", "Train a PDE surrogate with mixture-of-experts hard constraints (or a baseline) and write its checkpoint and loss plot.")
            { problem, method, experts, output };
        foreach (var option in options.All) command.Options.Add(option);
        command.SetAction(parsed =>
        {
            var pde = options.Problem(parsed, parsed.GetValue(problem)!);
            var settings = options.Settings(parsed, SurrogateOptions.Method(parsed.GetValue(method)!), parsed.GetValue(experts), pde.Name);
            var threads = SurrogateOptions.AtLeast("--threads", parsed.GetValue(options.Threads), 1);
            var seed = parsed.GetValue(options.Seed);
            TorchRuntime.Initialize(new TorchRuntimeSettings(Seed: seed, Threads: threads, PreferCuda: false));
            // The model first: bad settings are refused (PML0901) before minutes of data generation.
            using var model = new ConstrainedSurrogate(pde, settings);
            context.Output.WriteLine($"generating {pde.Name} trajectories ({pde.Grid.Times} × {(pde.Grid.Rows > 1 ? $"{pde.Grid.Rows} × " : "")}{pde.Grid.Columns})");
            var (train, test) = options.Data(parsed, pde);
            using var trainer = new SurrogateTrainer(model, seed);
            var steps = SurrogateOptions.AtLeast("--steps", parsed.GetValue(options.Steps), 1);
            var clock = Stopwatch.StartNew();
            var c = CultureInfo.InvariantCulture;
            var losses = trainer.Train(train, steps, SurrogateOptions.AtLeast("--batch", parsed.GetValue(options.Batch), 1), new Random(seed), (step, loss) =>
            {
                if (step % Math.Max(1, steps / 20) == 0 || step == steps)
                    context.Output.WriteLine(string.Create(c, $"step {step}/{steps}  loss {loss:F4}  {clock.Elapsed.TotalSeconds:F0} s"));
            });
            var evaluation = SurrogateEvaluation.Of(model, test, seed: 1);
            var path = parsed.GetValue(output)!;
            SurrogateCheckpoint.Save(model, path, new CheckpointMetadata
            {
                Kind = SurrogateCheckpoint.Kind, Architecture = "", Dimensions = 0,
                TrainingSources = [$"{pde.Name} reference solver, seeds 0-{train.Count - 1}"], Samples = (long)steps * parsed.GetValue(options.Batch),
                Steps = steps, FinalLoss = evaluation.RelativeL2,
                Command = "physml " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)), Created = DateTimeOffset.UtcNow,
            });
            var plot = Path.ChangeExtension(path, ".loss.png");
            AtomicFile.Write(plot, stream => MetricPlot.WritePng(stream, $"{SurrogateCheckpoint.Architecture(pde, settings)} training loss", "step", settings.Loss == SurrogateLoss.Pde ? "physics loss (mean squared PDE + IC/BC rows)" : "relative L2", logY: true,
                [("loss", losses.Select((l, i) => ((double)i + 1, l)).ToArray())]));
            context.Output.WriteLine(string.Create(c, $"loss {losses[0]:F4} → {losses.TakeLast(10).Average():F4} (mean of the last 10); {trainer.NonFiniteGradients} steps with non-finite gradients"));
            context.Output.WriteLine(string.Create(c, $"held-out rel L2 {evaluation.RelativeL2:P2} on {test.Count} trajectories; PDE residual (RMS) per expert: {string.Join(", ", evaluation.ResidualPerExpert.Select(r => r.ToString("G3", c)))}"));
            context.Output.WriteLine($"wrote {path} and {plot}");
            return ExitCodes.Success;
        });
        return command;
    }
}
