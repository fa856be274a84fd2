using System.Globalization;
using System.Text.RegularExpressions;

namespace PhysML.Scenes.Checkpoints;

/// <summary>
/// The <c>checkpoints/</c> folder of a run directory: <c>frame-NNNNNN.ckpt</c> files. The newest <see cref="Kept"/>
/// are kept (one bad file, say a disk filled mid-write elsewhere, still leaves older ones to resume from); older ones
/// are deleted after each new one is written.
/// </summary>
public static partial class CheckpointDirectory
{
    public const string Name = "checkpoints";
    public const int Kept = 3;

    public static string PathOf(string runDirectory, int frame) =>
        Path.Combine(runDirectory, Name, $"frame-{frame.ToString("D6", CultureInfo.InvariantCulture)}.ckpt");

    /// <summary>The checkpoint files with their frames, newest first.</summary>
    public static IReadOnlyList<(int Frame, string Path)> List(string runDirectory)
    {
        var folder = Path.Combine(runDirectory, Name);
        if (!Directory.Exists(folder)) return Array.Empty<(int, string)>();
        return Directory.GetFiles(folder, "frame-*.ckpt")
            .Select(path => (Match: FileName().Match(Path.GetFileName(path)), Path: path))
            .Where(f => f.Match.Success)
            .Select(f => (int.Parse(f.Match.Groups[1].Value, CultureInfo.InvariantCulture), f.Path))
            .OrderByDescending(f => f.Item1)
            .ToList();
    }

    /// <summary>Deletes all but the newest <see cref="Kept"/> checkpoints.</summary>
    public static void Prune(string runDirectory)
    {
        foreach (var (_, path) in List(runDirectory).Skip(Kept)) File.Delete(path);
    }

    /// <summary>Deletes checkpoints taken after <paramref name="frame"/>: a resume from an older one (the newer ones
    /// were unreadable) replaces them.</summary>
    public static void DeleteAfter(string runDirectory, int frame)
    {
        foreach (var (f, path) in List(runDirectory))
            if (f > frame) File.Delete(path);
    }

    [GeneratedRegex(@"^frame-(\d{6,})\.ckpt$")]
    private static partial Regex FileName();
}
