using System.Text.Json;
using PhysML.Core.Errors;
using PhysML.Scenes.Loading;
using PhysML.Scenes.Running;

namespace PhysML.Scenes.Checkpoints;

/// <summary>
/// Prepares <c>physml resume RUN_DIR</c>: finds the newest readable checkpoint (unreadable ones are skipped, each
/// with a warning), loads the scene it names, checks that the file is unchanged, and returns a runner whose
/// <see cref="SceneRunner.Run"/> continues the run in its directory. Every refusal is a coded error (PML0603–PML0605)
/// that says what to do.
/// </summary>
public sealed class RunResumption
{
    private RunResumption(LoadedScene scene, SceneRunner runner, RunCheckpointHeader header, IReadOnlyList<string> warnings)
    {
        (Scene, Runner, Header, Warnings) = (scene, runner, header, warnings);
    }

    public LoadedScene Scene { get; }
    public SceneRunner Runner { get; }
    public RunCheckpointHeader Header { get; }

    /// <summary>Checkpoints skipped, one line each (which file and why).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <param name="runDirectory">A directory <c>physml run --checkpoint-every</c> wrote.</param>
    /// <param name="frames">The frame to end at (total, not additional); the run's own when null.</param>
    /// <param name="load">Loads a scene file (the CLI's loader with its plugin catalogue).</param>
    public static RunResumption Prepare(string runDirectory, int? frames, Func<string, LoadedScene> load)
    {
        var summaryPath = Path.Combine(runDirectory, RunDirectory.Summary);
        if (!File.Exists(summaryPath))
            throw NotResumable($"'{runDirectory}' is not a run directory (it has no {RunDirectory.Summary}); give the --out directory of a physml run");
        var (status, completed) = ReadSummary(summaryPath);
        if (status == "succeeded" && (frames is null || frames <= completed))
            throw NotResumable($"the run in '{runDirectory}' already finished all {completed} frames; nothing to resume. " +
                               $"To run it further, give --frames N with N > {completed}");
        if (frames is <= 0) throw new PhysMLException(ErrorCodes.InvalidArgument, ErrorCategory.BadInput, $"--frames must be >= 1, got {frames}");

        var checkpoints = CheckpointDirectory.List(runDirectory);
        if (checkpoints.Count == 0)
            throw NotResumable($"'{runDirectory}' holds no checkpoints ({CheckpointDirectory.Name}/frame-NNNNNN.ckpt): the run was started without " +
                               "--checkpoint-every K; start it again with it");
        var warnings = new List<string>();
        foreach (var (_, path) in checkpoints)
        {
            if (RunCheckpointFile.TryRead(path, out var problem) is not { } read)
            {
                warnings.Add($"checkpoint {Path.GetFileName(path)} {problem}; skipped");
                continue;
            }
            var (header, state) = read;
            var scene = load(header.SceneFile);
            try
            {
                var runner = new SceneRunner(scene, header.Options with { Frames = frames ?? header.Options.Frames });
                runner.ResumeFrom(header, state);
                return new RunResumption(scene, runner, header, warnings);
            }
            catch
            {
                scene.App.Dispose();
                throw;
            }
        }
        throw new PhysMLException(ErrorCodes.RunCheckpointInvalid, ErrorCategory.BadInput,
            $"no usable checkpoint in '{Path.Combine(runDirectory, CheckpointDirectory.Name)}': {string.Join("; ", warnings)}");
    }

    private static (string? Status, int Completed) ReadSummary(string path)
    {
        try
        {
            using var summary = JsonDocument.Parse(File.ReadAllText(path));
            var root = summary.RootElement;
            return (root.GetProperty("status").GetString(), root.GetProperty("frames_completed").GetInt32());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // A summary cut short by a crash says nothing reliable; the checkpoints decide.
            return (null, 0);
        }
    }

    private static PhysMLException NotResumable(string message) => new(ErrorCodes.RunNotResumable, ErrorCategory.BadInput, message);
}
