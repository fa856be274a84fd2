using System.CommandLine;
using PhysML.Scenes.Checkpoints;
using PhysML.Scenes.Loading;

namespace PhysML.Cli;

/// <summary><c>physml resume RUN_DIR</c>: continues a run from its newest readable checkpoint, in the same directory,
/// bitwise as if it had never stopped (on the CPU backend).</summary>
public static class ResumeVerb
{
    public static Command Create(CliContext context)
    {
        var directory = new Argument<string>("run-dir") { Description = "A run directory written by physml run --checkpoint-every K." };
        var frames = new Option<int?>("--frames") { Description = "The frame to end at, counted from the run's start (default: the run's own)." };
        var command = new Command("resume", "Continue a run from its newest checkpoint (after Ctrl-C, a crash, or to run it further).")
        {
            directory, frames,
        };
        command.SetAction(parsed => Execute(context, parsed.GetValue(directory)!, parsed.GetValue(frames)));
        return command;
    }

    private static int Execute(CliContext context, string directory, int? frames)
    {
        var resumption = RunResumption.Prepare(directory, frames, path => new SceneLoader(BuiltInPlugins.Catalog()).Load(path));
        using var app = resumption.Scene.App;
        foreach (var warning in resumption.Warnings) context.Error.WriteLine($"warning: {warning}");
        var runner = resumption.Runner;
        foreach (var warning in runner.Warnings) context.Error.WriteLine($"warning: {warning}");
        using var cancel = new CtrlCCancellation();
        context.Output.WriteLine($"resuming '{resumption.Scene.Name}' from frame {resumption.Header.Frame} to frame {runner.Frames} in {directory}");
        var result = RunProgressDisplay.Run(context, runner, directory, cancel.Token);
        RunVerb.Report(context, result);
        return result.Summary.ExitCode;
    }
}
