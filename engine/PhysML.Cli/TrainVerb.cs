using System.CommandLine;
using System.Globalization;
using PhysML.Core.Errors;
using PhysML.Core.IO;
using PhysML.ML;
using PhysML.ML.Preconditioners;
using PhysML.ML.Preconditioners.Training;
using PhysML.Scenes.Reporting;
using PhysML.Solvers;
using PhysML.Solvers.Learned;
using Spectre.Console;

namespace PhysML.Cli;

/// <summary>
/// <c>physml train preconditioner --out model.ckpt</c>: trains a learned preconditioner offline on random obstacle
/// layouts (and systems captured from 3D fluid scenes), with a progress bar, a loss plot (PNG beside the checkpoint),
/// and DCDM iterations on held-out layouts before and after. The checkpoint records the command that produced it.
/// </summary>
public static class TrainVerb
{
    public static Command Create(CliContext context)
    {
        var architecture = new Option<string>("--architecture") { Description = $"One of: {string.Join(", ", PreconditionerNetwork.Architectures)}.", DefaultValueFactory = _ => LearnedMultigridNetwork.ArchitectureName };
        var dimensions = new Option<int>("--dimensions") { Description = "2 or 3.", DefaultValueFactory = _ => 3 };
        var grid = new Option<int>("--grid") { Description = "Cells per axis of the training systems.", DefaultValueFactory = _ => 32 };
        var layouts = new Option<int>("--layouts") { Description = "Random obstacle layouts to train on.", DefaultValueFactory = _ => 8 };
        var ritz = new Option<int>("--ritz") { Description = "Lanczos steps per system (Ritz vectors).", DefaultValueFactory = _ => 48 };
        var rhs = new Option<int>("--rhs") { Description = "Ritz right-hand sides per system.", DefaultValueFactory = _ => 16 };
        var scenes = new Option<string?>("--scenes") { Description = "Comma-separated 3D fluid scenes whose pressure systems (at --grid) are trained on too." };
        var steps = new Option<int>("--steps") { Description = "Adam steps (0 writes the untrained network: the classical V-cycle for mg-learned, a baseline for online training).", DefaultValueFactory = _ => 300 };
        var batch = new Option<int>("--batch") { Description = "Right-hand sides per step.", DefaultValueFactory = _ => 4 };
        var rate = new Option<double>("--learning-rate") { Description = "Adam's learning rate.", DefaultValueFactory = _ => 1e-3 };
        var unrolled = new Option<int?>("--unrolled") { Description = "PCG steps the loss unrolls (default 6 for the learned V-cycles, 0 = Kaneda's one-step loss for the others)." };
        var seed = new Option<int>("--seed") { Description = "Seeds the weights, the layouts and the batches (0-998).", DefaultValueFactory = _ => 0 };
        var threads = new Option<int>("--threads") { Description = "CPU threads for libtorch and the solvers.", DefaultValueFactory = _ => 2 };
        var output = new Option<string>("--out") { Description = "The checkpoint to write (atomically).", Required = true };
        var command = new Command("preconditioner", "Train a learned preconditioner (DCDM) offline and write its checkpoint and loss plot.")
            { architecture, dimensions, grid, layouts, ritz, rhs, scenes, steps, batch, rate, unrolled, seed, threads, output };
        command.SetAction(parsed =>
        {
            var arch = parsed.GetValue(architecture)!;
            if (!PreconditionerNetwork.Architectures.Contains(arch))
                throw Argument($"--architecture: unknown '{arch}'; known: {string.Join(", ", PreconditionerNetwork.Architectures)}");
            var dims = parsed.GetValue(dimensions);
            if (dims is not (2 or 3)) throw Argument($"--dimensions must be 2 or 3, got {dims}");
            var n = parsed.GetValue(grid);
            if (n < 8) throw Argument($"--grid must be >= 8, got {n}");
            var threadCount = parsed.GetValue(threads);
            if (threadCount < 1) throw Argument($"--threads must be >= 1, got {threadCount}");
            var s = parsed.GetValue(seed);
            if (s is < 0 or > 998) throw Argument($"--seed must be in 0-998 (training layouts stay below the held-out seeds), got {s}");
            foreach (var (name, value, min) in new[] { ("--layouts", parsed.GetValue(layouts), 0), ("--ritz", parsed.GetValue(ritz), 4), ("--rhs", parsed.GetValue(rhs), 1), ("--steps", parsed.GetValue(steps), 0), ("--batch", parsed.GetValue(batch), 1) })
                if (value < min) throw Argument($"{name} must be >= {min}, got {value}");
            var captured = CaptureScenes(parsed.GetValue(scenes), dims, n, threadCount);
            if (parsed.GetValue(layouts) == 0 && captured.Count == 0) throw Argument("nothing to train on: --layouts 0 and no --scenes");
            var settings = new OfflineTrainingSettings
            {
                Architecture = arch, Dimensions = dims, Grid = n, Layouts = parsed.GetValue(layouts), RitzSteps = parsed.GetValue(ritz),
                RightHandSides = parsed.GetValue(rhs), Captured = captured,
                Training = new PreconditionerTrainingOptions
                {
                    Steps = parsed.GetValue(steps), BatchSize = parsed.GetValue(batch), LearningRate = parsed.GetValue(rate), Seed = s,
                    UnrolledSteps = parsed.GetValue(unrolled) ?? (arch.StartsWith(LearnedMultigridNetwork.ArchitectureName, StringComparison.Ordinal) ? 6 : 0),
                },
            };
            return Train(context, settings, threadCount, parsed.GetValue(output)!, Environment.GetCommandLineArgs());
        });
        return new Command("train", "Train models offline.") { command, TrainSurrogateVerb.Create(context) };
    }

    private static int Train(CliContext context, OfflineTrainingSettings settings, int threads, string path, string[] commandLine)
    {
        var runtime = TorchRuntime.Initialize(new TorchRuntimeSettings(Seed: settings.Training.Seed, Threads: threads, PreferCuda: false));
        context.Output.WriteLine($"training {settings.Architecture} ({settings.Dimensions}D) on {runtime}");
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        var report = WithProgress(context, settings.Training.Steps, (log, step) =>
            OfflinePreconditionerTraining.Run(settings, log, step, parallel: parallel));
        using var network = report.Network;

        PreconditionerCheckpoint.Save(network, path, new CheckpointMetadata
        {
            Kind = PreconditionerCheckpoint.Kind, Architecture = settings.Architecture, Dimensions = settings.Dimensions,
            TrainingSources = report.Sources, Samples = report.Samples, Steps = report.Losses.Count,
            FinalLoss = report.Losses.Count > 0 ? report.Losses.TakeLast(20).Average() : null,
            Command = "physml " + string.Join(' ', commandLine.Skip(1)), Created = DateTimeOffset.UtcNow,
        });
        var c = CultureInfo.InvariantCulture;
        if (report.Losses.Count == 0)
        {
            context.Output.WriteLine(string.Create(c, $"untrained: held-out DCDM iterations {report.After.MeanIterations:F1} (mgpcg {report.MgpcgIterations:F1})"));
            context.Output.WriteLine($"wrote {path}");
            return ExitCodes.Success;
        }
        var plot = Path.ChangeExtension(path, ".loss.png");
        AtomicFile.Write(plot, stream => MetricPlot.WritePng(stream, $"{settings.Architecture} training loss", "step", "loss", logY: false,
            [("loss", report.Losses.Select((l, i) => ((double)i + 1, l)).ToArray()),
             ("mean of 20", report.Losses.Select((_, i) => ((double)i + 1, report.Losses.Skip(Math.Max(0, i - 19)).Take(Math.Min(20, i + 1)).Average())).ToArray())]));
        context.Output.WriteLine(string.Create(c, $"loss {report.Losses[0]:F4} → {report.Losses.TakeLast(20).Average():F4} (mean of the last 20 of {report.Losses.Count} steps)"));
        context.Output.WriteLine(string.Create(c,
            $"held-out DCDM iterations to {settings.ValidationTolerance:0.#e+0}: {report.Before.MeanIterations:F1} untrained → {report.After.MeanIterations:F1} trained (mgpcg {report.MgpcgIterations:F1})"));
        context.Output.WriteLine($"wrote {path} and {plot}");
        return ExitCodes.Success;
    }

    // A Spectre bar on a terminal; otherwise a line per 10% of the steps. Log lines pass through either way.
    private static T WithProgress<T>(CliContext context, int steps, Func<Action<string>, Action<int, double>, T> work)
    {
        if (!context.Interactive)
            return work(context.Output.WriteLine, (step, loss) =>
            {
                if (step % Math.Max(1, steps / 10) == 0 || step == steps)
                    context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"step {step}/{steps}  loss {loss:F4}"));
            });
        T result = default!;
        AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("preparing systems", maxValue: steps);
                result = work(line => AnsiConsole.MarkupLine(Markup.Escape(line)), (step, loss) =>
                {
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"step {step}/{steps}  loss {loss:F4}");
                    task.Value = step;
                });
            });
        return result;
    }

    private static IReadOnlyList<(IPoissonStencil A, double[] B, string Source)> CaptureScenes(string? scenes, int dimensions, int n, int threads)
    {
        if (string.IsNullOrWhiteSpace(scenes)) return [];
        if (dimensions != 3)
            throw Argument("--scenes captures 3D fluid scenes' pressure systems; with --dimensions 2 train on random layouts only");
        return scenes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(scene =>
        {
            PressureSystemCapture.Check(scene);
            var captured = PressureSystemCapture.Capture(scene, n, threads);
            return ((IPoissonStencil)captured.A, captured.B, $"{Path.GetFileName(scene)} at {n}³ after {PressureSystemCapture.Frames} frames");
        }).ToArray();
    }

    private static PhysMLException Argument(string message) => new(ErrorCodes.InvalidArgument, ErrorCategory.BadInput, message);
}
