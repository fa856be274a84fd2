using PhysML.Core.Errors;

namespace PhysML.Scenes.Running;

/// <summary>
/// Prepares a run's output directory. A directory that holds an earlier PhysML run (it has <c>summary.json</c>) is
/// reused after its outputs are removed; a non-empty directory that is not a run is refused, so a typo in
/// <c>--out</c> never deletes someone's files.
/// </summary>
public static class RunDirectory
{
    public const string Summary = "summary.json";
    public const string Metrics = "metrics.jsonl";
    public const string Probes = "probes.csv";
    public const string Fields = "fields";
    public const string Frames = "frames";
    public const string Screenshots = "screenshots";

    public static string DefaultFor(string sceneName, DateTimeOffset now) =>
        Path.Combine("runs", $"{sceneName}-{now.UtcDateTime:yyyyMMdd-HHmmss}");

    public static void Prepare(string directory)
    {
        if (File.Exists(directory))
            throw new PhysMLException(ErrorCodes.InvalidArgument, ErrorCategory.BadInput, $"--out '{directory}' is a file, not a directory");
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            if (!File.Exists(Path.Combine(directory, Summary)))
                throw new PhysMLException(ErrorCodes.InvalidArgument, ErrorCategory.BadInput,
                    $"--out '{directory}' is not empty and does not hold a PhysML run; choose an empty or new directory");
            foreach (var sub in new[] { Fields, Frames, Screenshots, Reporting.RunReport.Plots, Checkpoints.CheckpointDirectory.Name })
                if (Directory.Exists(Path.Combine(directory, sub))) Directory.Delete(Path.Combine(directory, sub), recursive: true);
            File.Delete(Path.Combine(directory, Metrics));
            File.Delete(Path.Combine(directory, Probes));
            File.Delete(Path.Combine(directory, Reporting.RunReport.Markdown));
            File.Delete(Path.Combine(directory, Reporting.RunReport.Html));
            File.Delete(Path.Combine(directory, Summary));
        }
        Directory.CreateDirectory(directory);
    }
}
