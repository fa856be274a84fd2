using PhysML.Scenes.Running;
using Spectre.Console;

namespace PhysML.Cli;

/// <summary>Shows a run's progress: a Spectre.Console bar on a terminal, a plain line per 10% otherwise.</summary>
public static class RunProgressDisplay
{
    public static RunResult Run(CliContext context, SceneRunner runner, string directory, CancellationToken cancel)
    {
        if (!context.Interactive || runner.Frames == 0)
            return runner.Run(directory, new PlainProgress(context.Output), cancel);

        RunResult? result = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("frames", maxValue: runner.Frames);
                result = runner.Run(directory, new Progress(task), cancel);
            });
        return result!;
    }

    private sealed class Progress(ProgressTask task) : IProgress<RunProgress>
    {
        public void Report(RunProgress value)
        {
            task.Description = $"frame {value.Frame}/{value.Frames}  t={value.SimulatedTime:G4} s  {value.StepMilliseconds:F1} ms";
            task.Value = value.Frame;
        }
    }

    // Synchronous (not System.Progress, which posts to the thread pool): lines come out in order, before the summary.
    private sealed class PlainProgress(TextWriter output) : IProgress<RunProgress>
    {
        public void Report(RunProgress value)
        {
            var step = Math.Max(1, value.Frames / 10);
            if (value.Frame % step == 0 || value.Frame == value.Frames)
                output.WriteLine($"frame {value.Frame}/{value.Frames}  t={value.SimulatedTime:G6} s  step {value.StepMilliseconds:F2} ms");
        }
    }
}
