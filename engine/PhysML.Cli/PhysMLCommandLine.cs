using System.CommandLine;
using PhysML.Core.Errors;

namespace PhysML.Cli;

/// <summary>
/// The <c>physml</c> command: verbs <c>run</c>, <c>view</c>, <c>sweep</c>, <c>validate</c>, <c>plugins</c>, <c>bench</c> and <c>export-system</c>. Output goes to the given writers
/// (so tests run it in-process); a Spectre.Console progress bar is shown only on an interactive terminal.
/// </summary>
public static class PhysMLCommandLine
{
    public static int Run(string[] args, TextWriter output, TextWriter error, bool interactive)
    {
        var context = new CliContext(output, error, interactive);
        var root = new RootCommand("PhysML: physics simulation with machine learning, headless runs and tools.")
        {
            RunVerb.Create(context),
            ResumeVerb.Create(context),
            SweepVerb.Create(context),
            ValidateVerb.Create(context),
            PluginsVerb.Create(context),
            BenchVerb.Create(context),
            ExportSystemVerb.Create(context),
            TrainVerb.Create(context),
            ViewVerb.Create(context),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) error.WriteLine($"error {ErrorCodes.InvalidArgument}: {e.Message}");
            error.WriteLine("Run 'physml --help' for usage.");
            return ExitCodes.BadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (PhysMLException e)
        {
            error.WriteLine(e.ToString());
            return ExitCodes.For(e.Category);
        }
    }
}
